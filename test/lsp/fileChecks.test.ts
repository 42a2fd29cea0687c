// The one set of content checks shared by editor buffers, files on disk and standard input: same verdicts, same messages, precise sizes.
import assert from 'node:assert/strict';
import { checkSourceText, decodeFileBytes, sizeLimitMessage } from '../../server/src/engine';

const reason = (d: ReturnType<typeof checkSourceText>) => (d.ok ? undefined : `${d.kind}: ${d.reason}`);

describe('content checks (buffers, files, standard input)', () => {
  it('says a size in the unit that tells the file and the limit apart', () => {
    assert.equal(sizeLimitMessage(969, 0.0005 * 1048576), 'file is 969 bytes, over the 524-byte limit; skipped (set maxFileSizeMB in .lintel.yaml to raise it)');
    assert.match(sizeLimitMessage(2155, 1048.576), /^file is 2\.1 KB, over the 1\.0 KB limit;/);
    assert.match(sizeLimitMessage(1050, 1048.576), /^file is 1050 bytes, over the 1048-byte limit;/, 'both would read 1.0 KB');
    assert.match(sizeLimitMessage(20 * 1048576, 5 * 1048576), /^file is 20\.0 MB, over the 5\.0 MB limit;/);
  });

  it('gives a buffer the verdict and message its bytes on disk would get', () => {
    const cases = ['a: 1\n', 'é😀'.repeat(300), `kind: Pod\n${'\u0000'.repeat(3)}`, 'x'.repeat(5000), '€'.repeat(400)];
    for (const text of cases) {
      assert.deepEqual(reason(checkSourceText(text, 1100)), reason(decodeFileBytes(Buffer.from(text), 1100)), JSON.stringify(text.slice(0, 20)));
    }
    assert.equal(reason(checkSourceText('€'.repeat(400), 1100)), 'too-large: file is 1.2 KB, over the 1.1 KB limit; skipped (set maxFileSizeMB in .lintel.yaml to raise it)');
  });
});
