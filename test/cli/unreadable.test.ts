// Files that cannot be read (binary, not UTF-8, too large) become error entries; every other file is still linted.
import assert from 'node:assert/strict';
import { cleanup, json, lintel, tempDir, write } from './cli';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: { name: ok }\nspec:\n  containers:\n    - name: c\n      image: example/c:1.0\n      securityContext: { privileged: true }\n';

describe('lintel scan with unreadable files', () => {
  let dir: string;
  before(() => {
    dir = tempDir();
    write(dir, '.lintel.yaml', 'maxFileSizeMB: 0.001\n');
    write(dir, 'a-binary.yaml', Buffer.concat([Buffer.from('apiVersion: v1\n'), Buffer.from([0, 1, 2, 3])]));
    write(dir, 'b-latin1.yaml', Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: caf\xe9 }\n', 'latin1'));
    write(dir, 'c-huge.yaml', `# ${'x'.repeat(2000)}\n${POD}`);
    write(dir, 'd-ok.yaml', POD);
  });
  after(() => cleanup(dir));

  it('reports each in errors and still lints the others', () => {
    const r = lintel(['scan', '--format', 'json'], { cwd: dir });
    const doc = json(r);
    assert.deepEqual(doc.errors.map((e) => e.file), ['a-binary.yaml', 'b-latin1.yaml', 'c-huge.yaml']);
    assert.match(doc.errors[0].message, /binary file/);
    assert.match(doc.errors[1].message, /not valid UTF-8 \(first bad byte at offset \d+\)/);
    assert.match(doc.errors[2].message, /^file is 2\.1 KB, over the 1\.0 KB limit; skipped/);
    assert.ok(doc.findings.some((f) => f.file === 'd-ok.yaml' && f.ruleId === 'k8s/privileged-container'));
    assert.ok(!doc.findings.some((f) => f.file !== 'd-ok.yaml'));
    assert.equal(doc.summary.files, 4);
    assert.equal(doc.summary.fileErrors, 3);
  });

  it('counts a file that could not be checked as an error for --fail-on', () => {
    write(dir, 'only/.lintel.yaml', 'rules:\n  k8s/privileged-container: off\n');
    write(dir, 'only/bin.yaml', Buffer.from([0, 0, 0]));
    assert.equal(lintel(['scan', 'only'], { cwd: dir }).code, 1);
    assert.equal(lintel(['scan', 'only', '--fail-on', 'never'], { cwd: dir }).code, 0);
  });

  it('text output names the file and the reason', () => {
    const r = lintel(['scan', 'a-binary.yaml', 'd-ok.yaml'], { cwd: dir });
    assert.match(r.stdout, /^a-binary\.yaml error binary file \(contains NUL bytes\); skipped$/m);
    assert.match(r.stdout, /^d-ok\.yaml:8:\d+ error /m);
    assert.match(r.stdout, /1 file problem \(see above\)\./);
  });
});
