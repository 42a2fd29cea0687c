// Incremental re-parse: after any edit, reusing untouched documents gives exactly what a full parse gives.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlias, isScalar, visit } from 'yaml';
import { Workspace } from '../../server/src/engine';
import { reparseYaml } from '../../server/src/engine/parse/incremental';
import { parseYaml, type YamlFile } from '../../server/src/engine/parse/yaml';

/** Everything observable of a parse: documents, every node with its range, errors, objects. */
function snapshot(f: YamlFile): string {
  const docs = f.docs.map((d) => {
    const nodes: unknown[] = [];
    visit(d.doc, { Node(_k, n) { nodes.push([n.constructor.name, n.range, isScalar(n) ? [n.value, n.type] : isAlias(n) ? n.source : (n as { items: unknown[] }).items.length, n.anchor]); } });
    return { index: d.index, start: d.start, end: d.end, usable: d.usable, range: d.doc.range, nodes };
  });
  return JSON.stringify({ text: f.text, template: f.template, errors: f.errors, docs, lines: f.lines.lineCount });
}

/** A small seeded random generator, so failures can be replayed. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 2 ** 32; };
}

const fixture = readFileSync(join(__dirname, '..', 'fixtures', 'engine', 'commented-deployment.yaml'), 'utf8');
const stream = Array.from({ length: 6 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}   # c\n  labels: { app: a${i} }\ndata:\n  key: "v${i}"\n  list:\n    - &x${i} one\n    - *x${i}\n`).join('---\n');
const bases: Array<[string, string]> = [['a commented two-document fixture', fixture], ['a six-document stream', stream], ['the stream with CRLF', stream.replace(/\n/g, '\r\n')]];
const SNIPPETS = ['x', '\n', '---\n', ' ', ': ', '- ', '"', '# c\n', 'key: 1\n', '{', '}', '  nested: { a: 1 }\n', '\n---\nkind: Pod\napiVersion: v1\n', '&a ', '*a', '...\n', '%YAML 1.2\n', '{{ x }}', '😀'];

describe('incremental re-parse', () => {
  for (const [label, base] of bases) {
    it(`${label}: 600 random edits give exactly the full parse`, () => {
      const random = rng(label.length * 7919);
      let prev = parseYaml('file:///w/a.yaml', base);
      let reused = 0;
      for (let i = 0; i < 600; i++) {
        // Edit the current text (drifting away from the base), resetting now and then.
        const text = prev.text;
        let at = Math.floor(random() * (text.length + 1));
        let del = random() < 0.5 ? Math.floor(random() * 12) : 0;
        let ins = random() < 0.7 ? SNIPPETS[Math.floor(random() * SNIPPETS.length)] : '';
        if (random() < 0.5) {
          // Typing: a letter after a letter, or deleting one, which mostly keeps the YAML valid.
          while (at > 0 && !/[a-z0-9]/i.test(text[at - 1])) at--;
          [del, ins] = random() < 0.7 ? [0, 'q'] : [1, ''];
        }
        const next = i % 50 === 49 ? base : text.slice(0, at) + ins + text.slice(Math.min(text.length, at + del));
        const before = snapshot(prev);
        const inc = reparseYaml(prev, next);
        const full = parseYaml('file:///w/a.yaml', next);
        assert.equal(snapshot(prev), before, 'the previous analysis is not modified');
        if (inc) {
          reused++;
          assert.equal(snapshot(inc), snapshot(full), `edit ${i}: at ${at}, deleted ${del}, inserted ${JSON.stringify(ins)}`);
        }
        // Walk on from valid texts only (an editor's next edit usually starts from a parsable one).
        if (full.errors.length === 0) prev = full;
      }
      assert.ok(reused > 100, `the incremental path was taken (${reused} of 600)`);
    });
  }

  it('an edit in one document of a stream re-parses that document and reuses the others', () => {
    const prev = parseYaml('file:///w/a.yaml', stream);
    const next = stream.replace('key: "v3"', 'key: "v3 changed"');
    const inc = reparseYaml(prev, next)!;
    assert.ok(inc);
    assert.equal(inc.docs[0].doc, prev.docs[0].doc, 'documents before the edit are the same objects');
    assert.notEqual(inc.docs[3].doc, prev.docs[3].doc, 'the edited document is new');
    assert.notEqual(inc.docs[5].doc, prev.docs[5].doc, 'documents after the edit are moved copies');
    assert.equal(snapshot(inc), snapshot(parseYaml('file:///w/a.yaml', next)));
  });

  it('falls back to a full parse for errors, templates, directives and merged documents', () => {
    const prev = parseYaml('file:///w/a.yaml', stream);
    assert.equal(reparseYaml(prev, stream.replace('key: "v3"', 'key: "v3')), undefined, 'the edit breaks the document');
    assert.equal(reparseYaml(prev, stream.replace('key: "v3"', 'key: {{ .Values.x }}')), undefined, 'a template');
    assert.equal(reparseYaml(prev, '%YAML 1.2\n' + stream), undefined, 'a directive');
    assert.equal(reparseYaml(prev, stream.replace('---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-3', '--\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-3')), undefined, 'a separator broken');
    const broken = parseYaml('file:///w/a.yaml', stream.replace('key: "v3"', 'key: "v3'));
    assert.equal(reparseYaml(broken, stream), undefined, 'the previous text had errors');
  });

  it('the workspace uses it: objects and findings positions follow the edit', () => {
    const ws = new Workspace();
    const before = ws.set('file:///w/a.yaml', stream);
    const next = stream.replace('name: cm-1   # c', 'name: cm-one   # c');
    const f = ws.set('file:///w/a.yaml', next);
    assert.equal(f.yaml!.docs[0].doc, before.yaml!.docs[0].doc, 'the first document was reused');
    assert.equal(snapshot(f.yaml!), snapshot(parseYaml('file:///w/a.yaml', next)));
    assert.deepEqual(f.objects.map((o) => o.name), ['cm-0', 'cm-one', 'cm-2', 'cm-3', 'cm-4', 'cm-5']);
    for (const o of f.objects) assert.equal(next.slice(o.anchor.range![0], o.anchor.range![1]), o.name);
    assert.equal(f.yaml!.text, next);
  });
});
