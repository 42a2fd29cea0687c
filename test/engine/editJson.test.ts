// Edits in JSON manifests stay JSON: quoted keys, flow values, own-line entries, no second document.
import assert from 'node:assert/strict';
import { YamlEditor } from '../../server/src/engine/edit/yaml';
import { applyEdits } from '../../server/src/engine/edit/apply';
import { parseYaml } from '../../server/src/engine/parse/yaml';
import { asMap, asSeq, getIn } from '../../server/src/engine/parse/yamlNodes';

const POD = `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": { "name": "web" },
  "spec": {
    "containers": [
      {
        "name": "web",
        "image": "nginx:1.27",
        "securityContext": { "privileged": true }
      }
    ]
  }
}
`;

function open(text: string) {
  const file = parseYaml('file:///pod.json', text);
  const doc = file.docs[0].doc;
  const root = asMap(doc.contents)!;
  const spec = asMap(getIn(root, ['spec'], doc))!;
  const container = asMap(asSeq(getIn(spec, ['containers'], doc))!.items[0])!;
  return { edit: new YamlEditor(file), doc, root, spec, container };
}

describe('JSON edits', () => {
  it('adds a key to a pretty-printed object on its own line with the siblings\' indentation', () => {
    const { edit, spec } = open(POD);
    const out = applyEdits(POD, edit.setIn(spec, ['automountServiceAccountToken'], false));
    assert.ok(out.includes('    ],\n    "automountServiceAccountToken": false\n  }'), out);
    JSON.parse(out);
  });

  it('adds nested objects and sets scalars as JSON', () => {
    const { edit, container, doc } = open(POD);
    const edits = [
      ...edit.setIn(container, ['securityContext', 'allowPrivilegeEscalation'], false),
      ...edit.setIn(container, ['resources'], { limits: { memory: '128Mi' } }),
      edit.setScalar(getIn(container, ['securityContext', 'privileged'], doc)!, false),
    ];
    const out = applyEdits(POD, edits);
    assert.ok(out.includes('"securityContext": { "privileged": false, "allowPrivilegeEscalation": false }'), out);
    assert.ok(out.includes('"resources": { "limits": { "memory": "128Mi" } }'), out);
    assert.equal(JSON.parse(out).spec.containers[0].resources.limits.memory, '128Mi');
  });

  it('replaces a string scalar with a JSON string', () => {
    const { edit, container, doc } = open(POD);
    const out = applyEdits(POD, [edit.setScalar(getIn(container, ['image'], doc)!, 'nginx:1.27.1 "pinned"')]);
    assert.equal(JSON.parse(out).spec.containers[0].image, 'nginx:1.27.1 "pinned"');
  });

  it('appends to an array and offers no second document', () => {
    const text = '{"kind": "Pod", "apiVersion": "v1", "spec": {"containers": [], "volumes": [{"name": "a"}]}}';
    const file = parseYaml('file:///p.json', text);
    const doc = file.docs[0].doc;
    const spec = asMap(getIn(asMap(doc.contents)!, ['spec'], doc))!;
    const edit = new YamlEditor(file);
    const out = applyEdits(text, [edit.appendToSeq(asSeq(getIn(spec, ['volumes'], doc))!, { name: 'b', emptyDir: {} })]);
    assert.deepEqual(JSON.parse(out).spec.volumes, [{ name: 'a' }, { name: 'b', emptyDir: {} }]);
    assert.equal(edit.appendDocument(file.docs[0].end, 'kind: X\n'), undefined);
  });
});
