// lintel fix: safe fixes written only to changed files; --dry-run prints a unified diff that applies and changes nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, copyFixture, FIXTURES, json, lintel, onlyRules, write } from './cli';

const ORIGINAL = readFileSync(join(FIXTURES, 'fix', 'web.yaml'), 'utf8');
const FIXED = ORIGINAL.replace('{ privileged: true }', '{ privileged: false }').replace('privileged: true  # why?', 'privileged: false  # why?');

describe('lintel fix', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyFixture('fix');
    write(dir, '.lintel.yaml', onlyRules({ 'k8s/privileged-container': 'error' }));
    const past = new Date(Date.now() - 3_600_000);
    utimesSync(join(dir, 'clean.yaml'), past, past);
  });
  afterEach(() => cleanup(dir));

  it('--dry-run prints a unified diff and writes nothing', () => {
    const r = lintel(['fix', '--dry-run'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(join(dir, 'web.yaml'), 'utf8'), ORIGINAL);
    assert.match(r.stdout, /^--- a\/web\.yaml\n\+\+\+ b\/web\.yaml\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    assert.match(r.stdout, /^-          securityContext: \{ privileged: true \}$/m);
    assert.match(r.stdout, /^\+          securityContext: \{ privileged: false \}$/m);
    assert.match(r.stdout, /^\+            privileged: false  # why\?$/m);
    assert.doesNotMatch(r.stdout, /clean\.yaml/);
    assert.match(r.stderr, /Would fix 2 problems in 1 file\./);
  });

  it('the dry-run diff applies with git apply and gives the same text as lintel fix', () => {
    const diff = lintel(['fix', '--dry-run'], { cwd: dir }).stdout;
    writeFileSync(join(dir, 'changes.diff'), diff);
    const applied = spawnSync('git', ['apply', '--unsafe-paths', 'changes.diff'], { cwd: dir, encoding: 'utf8' });
    assert.equal(applied.status, 0, applied.stderr);
    assert.equal(readFileSync(join(dir, 'web.yaml'), 'utf8'), FIXED);
  });

  it('writes the fixed files only, keeping comments and layout', () => {
    const cleanTime = statSync(join(dir, 'clean.yaml')).mtimeMs;
    const r = lintel(['fix'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(join(dir, 'web.yaml'), 'utf8'), FIXED);
    assert.equal(statSync(join(dir, 'clean.yaml')).mtimeMs, cleanTime, 'an unchanged file is not rewritten');
    assert.match(r.stdout, /^web\.yaml: fixed 2 problems$/m);
    assert.match(r.stdout, /Fixed 2 problems in 1 file\./);
    const after = json(lintel(['scan', '--format', 'json'], { cwd: dir }));
    assert.deepEqual(after.findings, []);
  });

  it('applies only safe fixes: findings whose fixes need a choice stay', () => {
    write(dir, '.lintel.yaml', 'extends: all\n');
    const before = json(lintel(['scan', '--format', 'json'], { cwd: dir }));
    assert.ok(before.findings.some((f) => f.fixable) && before.findings.some((f) => !f.fixable));
    const r = lintel(['fix'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const after = json(lintel(['scan', '--format', 'json'], { cwd: dir }));
    assert.ok(after.findings.every((f) => !f.fixable), 'every finding with a safe fix is gone');
    // Fixes needing a value (probes, resources) are left to the editor's quick fixes.
    assert.ok(after.findings.some((f) => f.ruleId === 'k8s/container-missing-liveness-probe'));
    assert.match(r.stdout, /without a safe fix remain; run lintel scan to see them\./);
  });

  it('keeps a byte order mark', () => {
    writeFileSync(join(dir, 'web.yaml'), `\ufeff${ORIGINAL}`);
    assert.equal(lintel(['fix', 'web.yaml'], { cwd: dir }).code, 0);
    assert.equal(readFileSync(join(dir, 'web.yaml'), 'utf8'), `\ufeff${FIXED}`);
  });

  it('reports nothing to do on a clean tree', () => {
    const r = lintel(['fix', 'clean.yaml'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, 'Fixed 0 problems in 0 files.\n');
  });
});
