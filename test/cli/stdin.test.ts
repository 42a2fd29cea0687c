// Standard input gets the checks of a file on disk: size limit, binary and encoding refusals, and a dropped byte-order mark.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cleanup, CLI, ensureCli, json, onlyRules, tempDir, write } from './cli';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.0\n      securityContext: { privileged: true }\n';

describe('lintel scan - (standard input)', () => {
  let dir: string;
  before(() => {
    dir = tempDir();
    write(dir, 'only.yaml', onlyRules({ 'k8s/privileged-container': 'error' }));
    write(dir, 'small/.lintel.yaml', 'maxFileSizeMB: 0.0001\n');
  });
  after(() => cleanup(dir));

  const scan = (input: Uint8Array, cwd = dir, config: string[] = ['--config', 'only.yaml']) => {
    ensureCli();
    const r = spawnSync(process.execPath, [CLI, 'scan', '-', '--format', 'json', ...config], { cwd, input, encoding: 'utf8', timeout: 60_000 });
    return json({ code: r.status, stdout: r.stdout, stderr: r.stderr });
  };
  const errorOf = (doc: ReturnType<typeof scan>) => { assert.equal(doc.errors.length, 1, JSON.stringify(doc.errors)); return doc.errors[0].message; };

  it('drops a UTF-8 byte-order mark: positions are those of the text without it', () => {
    // One line, so the finding's column would move if the mark stayed in the text.
    const line = '{apiVersion: v1, kind: Pod, metadata: {name: web}, spec: {containers: [{name: web, image: "example/web:1.0", securityContext: {privileged: true}}]}}\n';
    const plain = scan(Buffer.from(line));
    const bom = scan(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(line)]));
    assert.deepEqual(bom.errors, []);
    assert.deepEqual(bom.findings.map((f) => [f.line, f.column]), plain.findings.map((f) => [f.line, f.column]));
    assert.equal(bom.findings.length, 1);
  });

  it('refuses binary input, UTF-16 and malformed UTF-8 with the reasons a file gets', () => {
    assert.equal(errorOf(scan(Buffer.from([0x61, 0x3a, 0x00, 0x01]))), 'binary file (contains NUL bytes); skipped');
    assert.match(errorOf(scan(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(POD, 'utf16le')]))), /^UTF-16 text/);
    assert.equal(errorOf(scan(Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]))), 'not valid UTF-8 (first bad byte at offset 3); skipped');
  });

  it('applies maxFileSizeMB of the current folder', () => {
    const doc = scan(Buffer.from(POD), `${dir}/small`, []);
    assert.equal(errorOf(doc), `file is ${Buffer.byteLength(POD)} bytes, over the 104-byte limit; skipped (set maxFileSizeMB in .lintel.yaml to raise it)`);
    assert.deepEqual(doc.findings, []);
  });
});
