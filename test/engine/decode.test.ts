// decodeFileBytes: UTF-8 with or without BOM is text; too large, binary, UTF-16 and malformed UTF-8 are refused with a reason.
import assert from 'node:assert/strict';
import { decodeFileBytes } from '../../server/src/engine';

const MB = 1024 * 1024;
const bytes = (...b: number[]) => Uint8Array.from(b);
const utf8 = (s: string) => new TextEncoder().encode(s);
const reason = (b: Uint8Array, max = MB) => { const d = decodeFileBytes(b, max); assert.equal(d.ok, false, 'refused'); return (d as { reason: string }).reason; };

describe('decodeFileBytes', () => {
  it('decodes UTF-8, including astral characters', () => {
    assert.deepEqual(decodeFileBytes(utf8('name: "é😀"\n'), MB), { ok: true, text: 'name: "é😀"\n' });
  });

  it('drops a UTF-8 byte-order mark so offsets start at the content', () => {
    assert.deepEqual(decodeFileBytes(bytes(0xef, 0xbb, 0xbf, 0x61, 0x3a, 0x20, 0x31), MB), { ok: true, text: 'a: 1' });
  });

  it('accepts the empty file', () => {
    assert.deepEqual(decodeFileBytes(new Uint8Array(0), MB), { ok: true, text: '' });
  });

  it('refuses a file over the size limit, saying how large it is and how to raise the limit', () => {
    const r = reason(new Uint8Array(3 * MB), 2 * MB);
    assert.match(r, /3\.0 MB/);
    assert.match(r, /2\.0 MB limit/);
    assert.match(r, /maxFileSizeMB/);
  });

  it('refuses binary content (NUL bytes)', () => {
    assert.match(reason(bytes(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00)), /binary/);
  });

  it('refuses UTF-16 text with a clear reason rather than calling it binary', () => {
    const le = [0xff, 0xfe, ...[...'a: 1\n'].flatMap((c) => [c.charCodeAt(0), 0])];
    const be = [0xfe, 0xff, ...[...'a: 1\n'].flatMap((c) => [0, c.charCodeAt(0)])];
    assert.match(reason(bytes(...le)), /UTF-16/);
    assert.match(reason(bytes(...be)), /UTF-16/);
  });

  const malformed: Array<[string, number[], number]> = [
    ['a Latin-1 byte', [0x61, 0x3a, 0x20, 0xe9, 0x0a], 3],
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['a sequence cut short at the end', [0x61, 0x62, 0xe2, 0x82], 2],
    ['a sequence cut short by ASCII', [0xe2, 0x41, 0x42], 0],
    ['an overlong encoding', [0x61, 0xc0, 0xaf], 1],
    ['an overlong three-byte encoding', [0xe0, 0x80, 0xaf], 0],
    ['an encoded UTF-16 surrogate', [0x61, 0x62, 0x63, 0xed, 0xa0, 0x80], 3],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['an invalid lead byte', [0x61, 0xff], 1],
  ];
  for (const [label, b, offset] of malformed) {
    it(`refuses malformed UTF-8 (${label}) and names the first bad byte`, () => {
      assert.match(reason(bytes(...b)), new RegExp(`not valid UTF-8 \\(first bad byte at offset ${offset}\\)`));
    });
  }
});
