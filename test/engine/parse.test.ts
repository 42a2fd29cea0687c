// Parsing: every document of a multi-document stream gets exact offsets and line/character ranges (LF, CRLF, astral).
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/engine';
import { getNode, str } from '../../server/src/engine/api';
import { parseYaml } from '../../server/src/engine/parse/yaml';
import { lint, testRule, URI } from './support';

const names = testRule('k8s/test-names', (ctx) => {
  ctx.report({ node: ctx.object.anchor, message: `name ${ctx.object.name}` });
  const image = ctx.object.containers[0] && getNode(ctx.object.containers[0].map, 'image', ctx.doc);
  if (image) ctx.report({ node: image, message: `image ${str(image, ctx.doc)}` });
});

function stream(eol: string, name: (i: number) => string): string {
  const docs: string[] = [];
  for (let i = 0; i < 4; i++) {
    docs.push([
      i === 0 ? '# leading comment' : '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      `  name: "${name(i)}"   # trailing`,
      'spec:',
      '  containers:',
      `    - { name: c, image: "img-${name(i)}:1" }`,
    ].join(eol));
  }
  return docs.join(eol) + eol;
}

const variants: Array<[string, string]> = [
  ['LF', stream('\n', (i) => `pod-${i}`)],
  ['CRLF', stream('\r\n', (i) => `pod-${i}`)],
  ['astral characters', stream('\n', (i) => `😀pod-${i}𝒳`)],
  ['CRLF and astral characters', stream('\r\n', (i) => `𝒳${'😀'.repeat(i)}`)],
];

describe('parse ranges of a multi-document stream', () => {
  for (const [label, text] of variants) {
    it(`${label}: every document is found with its own offsets`, () => {
      const file = parseYaml(URI, text);
      assert.equal(file.docs.length, 4);
      assert.deepEqual(file.errors, []);
      for (const d of file.docs) {
        assert.ok(d.usable);
        const slice = text.slice(d.start, d.end);
        assert.match(slice, /apiVersion: v1/);
        assert.equal((slice.match(/kind: Pod/g) ?? []).length, 1, 'one document per range');
      }
      for (let i = 1; i < file.docs.length; i++) assert.ok(file.docs[i].start >= file.docs[i - 1].end, 'documents do not overlap');
    });

    it(`${label}: findings in every document have exact offsets and line/character ranges`, () => {
      const res = lint(text, [names]);
      assert.deepEqual(res.errors, []);
      assert.equal(res.findings.length, 8, 'two findings per document');
      const idx = new LineIndex(text);
      const lineStarts = text.split(/\r?\n/);
      for (const f of res.findings) {
        assert.deepEqual(f.range, idx.range(f.start, f.end));
        const covered = text.slice(f.start, f.end);
        if (f.message.startsWith('name ')) {
          // The scalar's source text, quotes included.
          assert.equal(covered.replace(/^"|"$/g, ''), f.message.slice(5));
          assert.equal(lineStarts[f.range.start.line].slice(0, 8), '  name: ');
          assert.equal(f.range.start.character, 8);
        } else {
          assert.equal(covered, `"${f.message.slice(6)}"`);
          assert.equal(f.range.start.character, lineStarts[f.range.start.line].indexOf('"img-'), 'UTF-16 column of the image');
          assert.equal(f.range.end.character - f.range.start.character, covered.length, 'UTF-16 length');
        }
        assert.equal(f.range.start.line, f.range.end.line);
      }
      // Documents in order: the n-th name finding is on the line 8 n + 4.
      const nameLines = res.findings.filter((f) => f.message.startsWith('name ')).map((f) => f.range.start.line);
      assert.deepEqual(nameLines, [4, 12, 20, 28]);
    });
  }

  it('keeps the document separators, `...` ends and empty documents apart', () => {
    const text = 'apiVersion: v1\nkind: A\n...\n---\n---\napiVersion: v1\nkind: B\n';
    const file = parseYaml(URI, text);
    assert.equal(file.docs.length, 3);
    assert.equal(file.docs[1].doc.contents?.range?.[0], file.docs[1].doc.contents?.range?.[1], 'the empty middle document has no content');
    assert.match(text.slice(file.docs[2].start, file.docs[2].end), /kind: B/);
    assert.doesNotMatch(text.slice(file.docs[0].start, file.docs[0].end), /kind: B/);
  });

  it('points a pair at its key and clips a collection to its first line', () => {
    const rule = testRule('k8s/test-targets', (ctx) => {
      ctx.report({ node: ctx.object.pair(ctx.object.root, 'spec')!, message: 'pair' });
      ctx.report({ node: ctx.object.pod!.spec, message: 'map' });
    });
    const text = 'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:   \r\n    - name: c\r\n      image: x:1\r\n';
    const res = lint(text, [rule]);
    const byMsg = Object.fromEntries(res.findings.map((f) => [f.message, f]));
    assert.equal(text.slice(byMsg.pair.start, byMsg.pair.end), 'spec');
    assert.equal(text.slice(byMsg.map.start, byMsg.map.end), 'containers:', 'first line, trailing spaces and CR left out');
    assert.deepEqual(byMsg.map.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 13 } });
  });
});
