// YAML edit helpers: minimal edits that keep quoting, layout, comments and key order, and always re-parse.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Node } from 'yaml';
import { asMap, asSeq, getIn, getNode } from '../../server/src/engine/api';
import { applyAndReparse, editorFor } from './support';
import { YamlEditor } from '../../server/src/engine/edit/yaml';
import { parseYaml } from '../../server/src/engine/parse/yaml';

/** The node at `path` of document `doc` (numbers index sequences). */
function at(text: string, path: Array<string | number>, doc = 0): { node: Node; edit: ReturnType<typeof editorFor>['edit'] } {
  const { file, edit } = editorFor(text);
  let cur: unknown = file.docs[doc].doc.contents;
  for (const k of path) cur = typeof k === 'number' ? asSeq(cur)!.items[k] : getNode(asMap(cur), k);
  assert.ok(cur, `node at ${path.join('.')}`);
  return { node: cur as Node, edit };
}
const mapAt = (text: string, path: Array<string | number>, doc = 0) => { const r = at(text, path, doc); return { map: asMap(r.node)!, edit: r.edit }; };
const seqAt = (text: string, path: Array<string | number>) => { const r = at(text, path); return { seq: asSeq(r.node)!, edit: r.edit }; };

describe('YAML edits: setScalar', () => {
  const cases: Array<[string, string, string | number | boolean, string]> = [
    ['plain → plain', 'a: true  # keep\nb: 1\n', false, 'a: false  # keep\nb: 1\n'],
    ['double quotes kept', 'a: "old"\n', 'new "v"', 'a: "new \\"v\\""\n'],
    ['single quotes kept', "a: 'old'\n", "it's", "a: 'it''s'\n"],
    ['a string that would read as a number is quoted', 'a: x\n', '8080', 'a: "8080"\n'],
    ['a string that would read as a boolean is quoted', 'a: x\n', 'true', 'a: "true"\n'],
    ['a number', 'replicas: 1 # comment\n', 3, 'replicas: 3 # comment\n'],
    ['inside a flow map', 'sc: { privileged: true, runAsUser: 0 }\n', false, 'sc: { privileged: false, runAsUser: 0 }\n'],
    ['a block scalar keeps the line break after it', 'a: |\n  old\n  text\nb: 1\n', 'new', 'a: new\nb: 1\n'],
    ['a folded scalar at the end of the file', 'a: >-\n  old\n', 'x', 'a: x\n'],
    ['astral characters around', 'a: "😀" # 😀\nb: 😀old\n', 'new', 'a: "😀" # 😀\nb: new\n'],
  ];
  for (const [label, text, value, expected] of cases) {
    it(label, () => {
      const key = label.startsWith('astral') ? 'b' : label === 'inside a flow map' ? 'sc' : label === 'a number' ? 'replicas' : 'a';
      const path = label === 'inside a flow map' ? ['sc', 'privileged'] : [key];
      const { node, edit } = at(text, path);
      assert.equal(applyAndReparse(text, edit.setScalar(node, value)), expected);
    });
  }
});

describe('YAML edits: setIn', () => {
  it('inserts a missing key after the last sibling, with the siblings\' indentation', () => {
    const text = 'spec:\n  containers:\n    - name: web   # main\n      image: nginx:1.27   # pinned\n\n# trailing comment\n';
    const { map, edit } = mapAt(text, ['spec', 'containers', 0]);
    const out = applyAndReparse(text, edit.setIn(map, ['securityContext', 'runAsNonRoot'], true));
    assert.equal(out, 'spec:\n  containers:\n    - name: web   # main\n      image: nginx:1.27   # pinned\n      securityContext:\n        runAsNonRoot: true\n\n# trailing comment\n');
  });

  it('fills an existing block map without touching its other keys', () => {
    const text = 'c:\n  securityContext:\n    # why\n    readOnlyRootFilesystem: true\n  image: x\n';
    const { map, edit } = mapAt(text, ['c']);
    const out = applyAndReparse(text, edit.setIn(map, ['securityContext', 'runAsNonRoot'], true));
    assert.equal(out, 'c:\n  securityContext:\n    # why\n    readOnlyRootFilesystem: true\n    runAsNonRoot: true\n  image: x\n');
  });

  it('replaces an existing scalar in place', () => {
    const text = 'c:\n  securityContext:\n    privileged: "yes"  # legacy\n';
    const { map, edit } = mapAt(text, ['c']);
    assert.equal(applyAndReparse(text, edit.setIn(map, ['securityContext', 'privileged'], false)), 'c:\n  securityContext:\n    privileged: false  # legacy\n');
  });

  it('inserts into a flow map with a comma', () => {
    const text = 'c: { name: web, securityContext: { privileged: true } }\n';
    const { map, edit } = mapAt(text, ['c']);
    assert.equal(applyAndReparse(text, edit.setIn(map, ['securityContext', 'runAsNonRoot'], true)), 'c: { name: web, securityContext: { privileged: true, runAsNonRoot: true } }\n');
  });

  it('inserts into a tightly written nested flow map (closing braces back to back)', () => {
    const text = 'c: {name: web, securityContext: {privileged: true}}\n';
    const { map, edit } = mapAt(text, ['c']);
    const out = applyAndReparse(text, edit.setIn(map, ['securityContext', 'runAsNonRoot'], true));
    assert.equal(out, 'c: {name: web, securityContext: {privileged: true, runAsNonRoot: true}}\n');
  });

  it('inserts into a flow map written with a trailing comma', () => {
    const text = 'c: { a: 1, }\n';
    const { map, edit } = mapAt(text, ['c']);
    assert.equal(applyAndReparse(text, edit.insertPair(map, 'b', 2)), 'c: { a: 1, b: 2 }\n');
  });

  it('inserts into a multi-line flow map', () => {
    const text = 'c: {\n  a: 1,\n  b: 2\n}\n';
    const { map, edit } = mapAt(text, ['c']);
    const out = applyAndReparse(text, edit.insertPair(map, 'x', 'z'));
    assert.equal(out, 'c: {\n  a: 1,\n  b: 2,\n  x: z\n}\n');
  });

  it('fills an empty flow map', () => {
    const text = 'c:\n  securityContext: {}\n  image: x\n';
    const { map, edit } = mapAt(text, ['c']);
    assert.equal(applyAndReparse(text, edit.setIn(map, ['securityContext', 'runAsNonRoot'], true)), 'c:\n  securityContext: { runAsNonRoot: true }\n  image: x\n');
  });

  it('fills a key with an empty value, keeping its comment', () => {
    const text = 'c:\n  securityContext:   # to do\n  image: x\n';
    const { map, edit } = mapAt(text, ['c']);
    assert.equal(applyAndReparse(text, edit.setIn(map, ['securityContext', 'runAsNonRoot'], true)), 'c:\n  securityContext:   # to do\n    runAsNonRoot: true\n  image: x\n');
  });

  it('fills an empty value with a scalar on the same line', () => {
    const text = 'c:\n  image:\n  name: x\n';
    const { map, edit } = mapAt(text, ['c']);
    assert.equal(applyAndReparse(text, edit.setIn(map, ['image'], 'nginx:1.27')), 'c:\n  image: nginx:1.27\n  name: x\n');
  });

  it('uses the file\'s 4-space indentation', () => {
    const text = 'spec:\n    template:\n        spec:\n            containers:\n                -   name: web\n                    image: x\n';
    const { map, edit } = mapAt(text, ['spec', 'template', 'spec']);
    const out = applyAndReparse(text, edit.setIn(map, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault'));
    assert.equal(out, text + '            securityContext:\n                seccompProfile:\n                    type: RuntimeDefault\n');
  });

  it('writes lists flush (indentless) in a file that writes them so', () => {
    const text = 'spec:\n  containers:\n  - name: web\n    image: x\n';
    const { map, edit } = mapAt(text, ['spec', 'containers', 0]);
    const out = applyAndReparse(text, edit.setIn(map, ['securityContext', 'capabilities', 'drop'], ['ALL']));
    assert.equal(out, text + '    securityContext:\n      capabilities:\n        drop:\n        - ALL\n');
  });

  it('writes lists indented in a file that indents them', () => {
    const text = 'spec:\n  containers:\n    - name: web\n      image: x\n';
    const { map, edit } = mapAt(text, ['spec', 'containers', 0]);
    const out = applyAndReparse(text, edit.setIn(map, ['securityContext', 'capabilities', 'drop'], ['ALL']));
    assert.equal(out, text + '      securityContext:\n        capabilities:\n          drop:\n            - ALL\n');
  });

  it('keeps CRLF line breaks', () => {
    const text = 'spec:\r\n  containers:\r\n    - name: web\r\n      image: x\r\n';
    const { map, edit } = mapAt(text, ['spec', 'containers', 0]);
    const out = applyAndReparse(text, edit.setIn(map, ['securityContext', 'runAsNonRoot'], true));
    assert.equal(out, text + '      securityContext:\r\n        runAsNonRoot: true\r\n');
    assert.doesNotMatch(out.replace(/\r\n/g, ''), /[\r\n]/, 'no bare LF or CR');
  });

  it('inserts after a last value that is itself a nested block, with a comment and blank lines after it', () => {
    const text = 'a:\n  b:\n    c: 1\n    d:\n      - x\n\n  # about e\ne: 2\n';
    const { map, edit } = mapAt(text, ['a']);
    assert.equal(applyAndReparse(text, edit.insertPair(map, 'z', 'v')), 'a:\n  b:\n    c: 1\n    d:\n      - x\n  z: v\n\n  # about e\ne: 2\n');
  });

  it('inserts at the end of a file without a final line break', () => {
    const text = 'a:\n  b: 1';
    const { map, edit } = mapAt(text, ['a']);
    assert.equal(applyAndReparse(text, edit.insertPair(map, 'c', 2)), 'a:\n  b: 1\n  c: 2');
  });

  it('inserts after a last value that is a block scalar', () => {
    const text = 'a:\n  script: |\n    echo hi\n    echo bye\nb: 1\n';
    const { map, edit } = mapAt(text, ['a']);
    assert.equal(applyAndReparse(text, edit.insertPair(map, 'c', 2)), 'a:\n  script: |\n    echo hi\n    echo bye\n  c: 2\nb: 1\n');
  });

  it('adds a comment to an inserted key when asked', () => {
    const text = 'c:\n  name: x\n';
    const { map, edit } = mapAt(text, ['c']);
    assert.equal(applyAndReparse(text, edit.insertPair(map, 'image', 'nginx:1.27', 'pin me')), 'c:\n  name: x\n  image: nginx:1.27  # pin me\n');
  });

  it('quotes keys and values that need it', () => {
    const text = 'metadata:\n  name: x\n';
    const { map, edit } = mapAt(text, ['metadata']);
    const out = applyAndReparse(text, edit.setIn(map, ['annotations', 'lintel.dev/ignore'], 'k8s/a, k8s/b: c'));
    assert.equal(out, 'metadata:\n  name: x\n  annotations:\n    lintel.dev/ignore: "k8s/a, k8s/b: c"\n');
  });
});

describe('YAML edits: appendToSeq', () => {
  it('appends to an indented block sequence, after a trailing comment', () => {
    const text = 'drop:\n  - NET_RAW  # why\nnext: 1\n';
    const { seq, edit } = seqAt(text, ['drop']);
    assert.equal(applyAndReparse(text, edit.appendToSeq(seq, 'ALL')), 'drop:\n  - NET_RAW  # why\n  - ALL\nnext: 1\n');
  });

  it('appends a map to an indentless sequence', () => {
    const text = 'containers:\n- name: a\n  image: b\nnext: 1\n';
    const { seq, edit } = seqAt(text, ['containers']);
    assert.equal(applyAndReparse(text, edit.appendToSeq(seq, { name: 'c', image: 'd' })), 'containers:\n- name: a\n  image: b\n- name: c\n  image: d\nnext: 1\n');
  });

  it('appends a nested value in a 4-space file', () => {
    const text = 'spec:\n    items:\n        -   name: a\n            ports:\n                - 80\n';
    const { seq, edit } = seqAt(text, ['spec', 'items']);
    const out = applyAndReparse(text, edit.appendToSeq(seq, { name: 'b', ports: [443] }));
    assert.equal(out, text + '        - name: b\n          ports:\n              - 443\n');
  });

  it('appends to flow sequences, empty ones and nested ones', () => {
    const t1 = 'drop: [NET_RAW, SYS_ADMIN]\n';
    assert.equal(applyAndReparse(t1, seqAt(t1, ['drop']).edit.appendToSeq(seqAt(t1, ['drop']).seq, 'ALL')), 'drop: [NET_RAW, SYS_ADMIN, ALL]\n');
    const t2 = 'drop: []\n';
    assert.equal(applyAndReparse(t2, seqAt(t2, ['drop']).edit.appendToSeq(seqAt(t2, ['drop']).seq, 'ALL')), 'drop: [ALL]\n');
    const t3 = 'm: [[a], [b]]\n';
    const { seq, edit } = seqAt(t3, ['m', 1]);
    assert.equal(applyAndReparse(t3, edit.appendToSeq(seq, 'c')), 'm: [[a], [b, c]]\n');
  });

  it('appends to a flow sequence written with a trailing comma', () => {
    const text = 'drop: [NET_RAW, ]\n';
    const { seq, edit } = seqAt(text, ['drop']);
    assert.equal(applyAndReparse(text, edit.appendToSeq(seq, 'ALL')), 'drop: [NET_RAW, ALL ]\n');
  });

  it('appends to a multi-line flow sequence with comments', () => {
    const t1 = 'drop: [\n  NET_RAW, # why, really\n]\n';
    assert.equal(applyAndReparse(t1, seqAt(t1, ['drop']).edit.appendToSeq(seqAt(t1, ['drop']).seq, 'ALL')), 'drop: [\n  NET_RAW, # why, really\n  ALL\n]\n');
    const t2 = 'drop: [\n  NET_RAW # why, really\n]\n';
    assert.equal(applyAndReparse(t2, seqAt(t2, ['drop']).edit.appendToSeq(seqAt(t2, ['drop']).seq, 'ALL')), 'drop: [\n  NET_RAW, # why, really\n  ALL\n]\n');
  });

  it('keeps CRLF line breaks', () => {
    const text = 'drop:\r\n  - NET_RAW\r\nnext: 1\r\n';
    const { seq, edit } = seqAt(text, ['drop']);
    assert.equal(applyAndReparse(text, edit.appendToSeq(seq, { a: 1, b: 2 })), 'drop:\r\n  - NET_RAW\r\n  - a: 1\r\n    b: 2\r\nnext: 1\r\n');
  });
});

describe('YAML edits: removePair', () => {
  it('removes a pair with its nested lines and keeps everything else', () => {
    const text = 'c:\n  # keep me\n  name: x\n  securityContext:\n    privileged: true\n    runAsUser: 0\n  image: y # keep\n';
    const { map, edit } = mapAt(text, ['c']);
    assert.equal(applyAndReparse(text, edit.removePair(map, 'securityContext')), 'c:\n  # keep me\n  name: x\n  image: y # keep\n');
  });

  it('removes the last pair of the file, with or without a final line break', () => {
    const t1 = 'a: 1\nb: 2\n';
    assert.equal(applyAndReparse(t1, mapAt(t1, []).edit.removePair(mapAt(t1, []).map, 'b')), 'a: 1\n');
    const t2 = 'a: 1\nb: 2';
    const out = applyAndReparse(t2, mapAt(t2, []).edit.removePair(mapAt(t2, []).map, 'b'));
    assert.ok(out === 'a: 1\n' || out === 'a: 1', out);
  });

  it('removes the first key of a sequence item without breaking the item', () => {
    const text = 'containers:\n  - privileged: true\n    name: web\n    image: x\n';
    const { map, edit } = mapAt(text, ['containers', 0]);
    const out = applyAndReparse(text, edit.removePair(map, 'privileged'));
    assert.equal(out, 'containers:\n  - name: web\n    image: x\n');
    const only = 'containers:\n  - privileged: true   # why\n  - name: b\n';
    const r = mapAt(only, ['containers', 0]);
    assert.equal(applyAndReparse(only, r.edit.removePair(r.map, 'privileged')), 'containers:\n  - {}   # why\n  - name: b\n');
    const nested = 'containers:\n  - securityContext:\n      privileged: true\n  - name: b\n';
    const n = mapAt(nested, ['containers', 0]);
    assert.equal(applyAndReparse(nested, n.edit.removePair(n.map, 'securityContext')), 'containers:\n  - {}\n  - name: b\n');
  });

  it('keeps CRLF line breaks', () => {
    const text = 'a: 1\r\nb:\r\n  c: 2\r\nd: 3\r\n';
    const { map, edit } = mapAt(text, []);
    assert.equal(applyAndReparse(text, edit.removePair(map, 'b')), 'a: 1\r\nd: 3\r\n');
  });

  it('returns nothing for a missing key or a flow map', () => {
    const text = 'a: { b: 1 }\n';
    const { map, edit } = mapAt(text, ['a']);
    assert.equal(edit.removePair(map, 'b'), undefined);
    assert.equal(edit.removePair(map, 'zzz'), undefined);
  });
});

describe('YAML edits: appendDocument', () => {
  const body = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n';

  it('adds a document after the object, before the next separator', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment   # web\n---\napiVersion: v1\nkind: Service\n';
    const { file, edit } = editorFor(text);
    const out = applyAndReparse(text, edit.appendDocument(file.docs[0].end, body));
    assert.equal(out, 'apiVersion: apps/v1\nkind: Deployment   # web\n---\n' + body.replace(/\n$/, '') + '\n---\napiVersion: v1\nkind: Service\n');
  });

  it('adds a document at the end of a file without a final line break', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment';
    const { file, edit } = editorFor(text);
    assert.equal(applyAndReparse(text, edit.appendDocument(file.docs[0].end, body)), text + '\n---\n' + body.replace(/\n$/, ''));
  });

  it('keeps CRLF line breaks', () => {
    const text = 'apiVersion: apps/v1\r\nkind: Deployment\r\n';
    const { file, edit } = editorFor(text);
    const out = applyAndReparse(text, edit.appendDocument(file.docs[0].end, body));
    assert.equal(out, text + '---\r\n' + body.replace(/\n/g, '\r\n'));
  });

  it('the new document is a separate object of the stream', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\n---\napiVersion: v1\nkind: Service\n';
    const { file, edit } = editorFor(text);
    const out = applyAndReparse(text, edit.appendDocument(file.docs[1].end, body));
    const kinds = editorFor(out).file.docs.map((d) => String(getIn(asMap(d.doc.contents), ['kind'])));
    assert.equal(kinds.length, 3);
    assert.match(out, /kind: Service\n---\napiVersion: policy\/v1/);
  });
});

describe('YAML edits: everything outside the edits stays byte for byte', () => {
  const fixture = readFileSync(join(__dirname, '..', 'fixtures', 'engine', 'commented-deployment.yaml'), 'utf8');

  for (const eol of ['\n', '\r\n']) {
    it(`several edits at once keep comments, quoting and key order (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
      const text = fixture.replace(/\n/g, eol);
      const { file, edit } = editorFor(text);
      const root = asMap(file.docs[0].doc.contents)!;
      const spec = asMap(getIn(root, ['spec', 'template', 'spec']))!;
      const web = asMap(asSeq(getNode(spec, 'containers'))!.items[0])!;
      const helper = asMap(asSeq(getNode(spec, 'containers'))!.items[1])!;
      const edits = [
        edit.setScalar(getIn(root, ['spec', 'replicas'])!, 3),
        ...edit.setIn(asMap(getNode(root, 'metadata'))!, ['labels', 'team'], 'shop'),
        ...edit.setIn(web, ['securityContext', 'allowPrivilegeEscalation'], false),
        edit.removePair(asMap(getNode(web, 'securityContext'))!, 'privileged')!,
        edit.appendToSeq(asSeq(getNode(web, 'args'))!, '--quiet'),
        ...edit.setIn(helper, ['resources', 'limits', 'memory'], '64Mi'),
        ...edit.setIn(spec, ['automountServiceAccountToken'], false),
      ];
      const out = applyAndReparse(text, edits);
      assert.doesNotMatch(out.replace(new RegExp(eol, 'g'), ''), /[\r\n]/, 'one line-break style');
      // Every original line is still there, in order, except the removed one and those edited in place.
      const changed = new Set(['  replicas: 2            # scaled by HPA', '          privileged: true      # legacy, remove',
        '          allowPrivilegeEscalation: true', '        args: [--port, "8080"]', '  labels: { app: web, tier: \'front\' }']);
      const outLines = out.split(eol);
      let i = 0;
      for (const l of text.split(eol)) {
        if (changed.has(l)) continue;
        while (i < outLines.length && outLines[i] !== l) i++;
        assert.ok(i < outLines.length, `line kept in order: ${JSON.stringify(l)}`);
        i++;
      }
      const [dep, svc] = parseAllDocuments(out).map((d) => d.toJS());
      assert.equal(dep.spec.replicas, 3);
      assert.deepEqual(dep.metadata.labels, { app: 'web', tier: 'front', team: 'shop' });
      const [c0, c1] = dep.spec.template.spec.containers;
      assert.deepEqual(c0.securityContext, { allowPrivilegeEscalation: false });
      assert.deepEqual(c0.args, ['--port', '8080', '--quiet']);
      assert.deepEqual(c1.resources, { limits: { memory: '64Mi' } });
      assert.equal(c1.command[2], 'while true; do sleep 3600; done\n', 'the block scalar is intact');
      assert.equal(dep.spec.template.spec.automountServiceAccountToken, false);
      assert.deepEqual(svc, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' } });
      assert.match(out, /name: "web" {12}# quoted name/);
      assert.match(out, /image: 'nginx:1\.27'/);
    });
  }
});

describe('YAML edits: shared content', () => {
  it('setIn refuses to edit through an alias or into an anchored map', () => {
    const text = 'common: &common\n  team: shop\nmetadata:\n  annotations: *common\n';
    const file = parseYaml('file:///a.yaml', text);
    const doc = file.docs[0].doc;
    const editor = new YamlEditor(file);
    const metadata = asMap(getIn(asMap(doc.contents)!, ['metadata'], doc))!;
    assert.deepEqual(editor.setIn(metadata, ['annotations', 'lintel.dev/ignore'], 'k8s/x'), []);
    const common = asMap(getIn(asMap(doc.contents)!, ['common'], doc))!;
    assert.deepEqual(editor.setIn(common, ['owner'], 'me'), []);
  });
});
