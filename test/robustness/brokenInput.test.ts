// Broken and odd YAML: a clear error where it is wrong, and every other document still linted.
import assert from 'node:assert/strict';
import { flaggedPods, lint, pod, stream } from './support';

describe('robustness: broken and odd YAML', () => {
  const broken: Array<[string, string]> = [
    ['an unclosed flow sequence', 'apiVersion: v1\nkind: Pod\nmetadata: [name: broken\nspec: {}\n'],
    ['an unterminated quoted string', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "broken\nspec: {}\n'],
    ['a tab used for indentation', 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: broken\n'],
    ['bad indentation', 'apiVersion: v1\nkind: Pod\nmetadata:\n    name: a\n  labels: {}\n'],
    ['a stray block sequence', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n- item\n'],
    ['an unknown tag handle', 'apiVersion: v1\nkind: Pod\nmetadata: !foo!bar { name: a }\n'],
    ['an undefined alias', 'apiVersion: v1\nkind: Pod\nmetadata: *nothing\n'],
  ];
  for (const [label, bad] of broken) {
    it(`${label} in the middle document: an error there, the other documents still linted`, () => {
      const text = stream(pod('first'), bad, pod('last'));
      const res = lint(text);
      const errors = res.errors.filter((e) => e.severity === 'error');
      assert.ok(errors.length >= 1, 'a syntax error is reported');
      for (const e of errors) {
        assert.match(e.message, /^YAML (syntax error|nesting)/);
        assert.ok(e.range, 'with a range');
        const badStart = text.indexOf(bad);
        const line = e.range.start.line;
        assert.ok(line >= text.slice(0, badStart).split('\n').length - 2 && line <= text.slice(0, badStart + bad.length).split('\n').length, `the error is in (or at) the bad document: line ${line}`);
      }
      assert.deepEqual(flaggedPods(text, res), ['first', 'last']);
    });
  }

  it('an alias with no anchor: an error on the alias', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: *nothing\n';
    const res = lint(text);
    assert.equal(res.errors.length, 1);
    assert.equal(res.errors[0].message, 'YAML syntax error: alias *nothing refers to no anchor before it');
    assert.deepEqual(res.errors[0].range, { start: { line: 4, character: 10 }, end: { line: 4, character: 18 } });
  });

  it('duplicate keys: a warning, and the object is still linted', () => {
    const text = pod('dup').replace('  name: dup\n', '  name: dup\n  name: dup\n');
    const res = lint(text);
    assert.deepEqual(res.errors.map((e) => e.severity), ['warning']);
    assert.match(res.errors[0].message, /unique/);
    assert.equal(res.errors[0].range?.start.line, 4, 'on the second key');
    assert.equal(res.findings.length, 1);
  });

  const empty: Array<[string, string]> = [
    ['an empty file', ''],
    ['only line breaks and spaces', '\n  \n\n'],
    ['only comments', '# a comment\n# another\n'],
    ['only `---`', '---\n'],
    ['several `---`', '---\n---\n---\n'],
    ['only `...`', '...\n'],
    ['a comment and `---` without a final line break', '# x\n---'],
    ['a byte-order mark alone', '\ufeff'],
  ];
  for (const [label, text] of empty) {
    it(`${label}: no error, no finding`, () => {
      assert.deepEqual(lint(text), { uri: 'file:///work/robust.yaml', findings: [], errors: [] });
    });
  }

  it('empty documents between objects do not shift anything', () => {
    const text = '---\n' + stream(pod('a'), '', '# just a comment\n', pod('b')) + '---\n';
    const res = lint(text);
    assert.deepEqual(res.errors, []);
    assert.deepEqual(flaggedPods(text, res), ['a', 'b']);
  });

  it('scalars, sequences and odd keys at the root are not objects and not errors', () => {
    for (const text of ['just a string\n', '- a\n- b\n', '42\n', '? [complex, key]\n: value\n', '{ apiVersion: 1, kind: 2 }\n', 'null\n']) {
      const res = lint(text);
      assert.deepEqual(res.findings, [], text);
      assert.deepEqual(res.errors.filter((e) => e.severity === 'error'), [], text);
    }
  });

  it('very long lines and many documents are fine', () => {
    const long = pod('long').replace('      image: nginx:1.27\n', `      image: nginx:1.27\n      args: ["${'x'.repeat(200_000)}"]\n`);
    const many = stream(...Array.from({ length: 500 }, (_, i) => pod(`p${i}`)));
    assert.equal(lint(long).findings.length, 1);
    const res = lint(many);
    assert.equal(res.findings.length, 500);
    assert.deepEqual(res.errors, []);
  });
});
