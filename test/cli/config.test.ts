// Configuration in lintel scan: nearest .lintel.yaml per file, ignorePaths, --config with extends: all, invalid configurations.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ALL_RULES } from '../../rules';
import { cleanup, copyFixture, FIXTURES, json, lintel, write } from './cli';

describe('lintel scan configuration', () => {
  let dir: string;
  before(() => { dir = copyFixture('project'); });
  after(() => cleanup(dir));

  it('follows the nearest .lintel.yaml of each file and its ignorePaths', () => {
    const doc = json(lintel(['scan', '--format', 'json'], { cwd: dir }));
    const privileged = doc.findings.filter((f) => f.ruleId === 'k8s/privileged-container').map((f) => f.file);
    assert.deepEqual(privileged, ['deploy/web.yaml'], 'team-b turns the rule off; vendor/ is ignored');
    assert.ok(!doc.findings.some((f) => f.file.startsWith('vendor/')));
    assert.ok(doc.findings.some((f) => f.file === 'team-b/agent.yaml'), 'team-b is still linted with its other rules');
  });

  it('honours ignorePaths also for a file named on the command line, and says so', () => {
    const doc = json(lintel(['scan', 'vendor/thirdparty.yaml', '--format', 'json'], { cwd: dir }));
    assert.equal(doc.summary.files, 0);
    assert.deepEqual(doc.findings, []);
    assert.deepEqual(doc.errors, [{ file: 'vendor/thirdparty.yaml', message: 'ignored by ignorePaths in the configuration; not checked' }]);
  });

  it('--config replaces every nearest configuration, and extends: all turns every rule on', () => {
    const defaults = json(lintel(['scan', 'deploy', '--format', 'json'], { cwd: dir }));
    const all = json(lintel(['scan', 'deploy', '--format', 'json', '--config', join(FIXTURES, 'configs', 'all.yaml')], { cwd: dir }));
    const before = new Set(defaults.findings.map((f) => f.ruleId));
    const added = [...new Set(all.findings.map((f) => f.ruleId))].filter((id) => !before.has(id));
    assert.ok(added.length > 0, 'rules that are off by default report findings');
    for (const id of added) assert.equal(ALL_RULES.find((r) => r.id === id)?.enabledByDefault, false, id);
    for (const id of before) assert.ok(all.findings.some((f) => f.ruleId === id), `${id} stays on`);
    const withVendor = json(lintel(['scan', '--format', 'json', '--config', join(FIXTURES, 'configs', 'all.yaml')], { cwd: dir }));
    assert.ok(withVendor.findings.some((f) => f.file === 'vendor/thirdparty.yaml'), 'the project ignorePaths no longer apply');
    assert.ok(withVendor.findings.some((f) => f.file === 'team-b/agent.yaml' && f.ruleId === 'k8s/privileged-container'));
  });

  it('an invalid --config is an error entry and linting goes on with the defaults', () => {
    const r = lintel(['scan', 'deploy', '--format', 'json', '--config', join(FIXTURES, 'configs', 'invalid.yaml')], { cwd: dir });
    const doc = json(r);
    assert.equal(r.code, 1);
    assert.equal(doc.errors.length, 1);
    assert.match(doc.errors[0].file, /configs\/invalid\.yaml$/);
    assert.match(doc.errors[0].message, /invalid configuration: `extends` must be equal to one of the allowed values \(allowed: recommended, strict, all\); using the default configuration/);
    assert.ok(doc.findings.some((f) => f.ruleId === 'k8s/privileged-container'), 'default rules still run');
  });

  it('an invalid nearest .lintel.yaml is reported once and its files are linted with the defaults', () => {
    write(dir, 'team-c/.lintel.yaml', 'rules:\n  k8s/privileged-container: sometimes\n');
    write(dir, 'team-c/a.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: { name: a }\nspec:\n  containers:\n    - { name: a, image: "x/a:1", securityContext: { privileged: true } }\n');
    write(dir, 'team-c/b.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: { name: b }\nspec:\n  containers:\n    - { name: b, image: "x/b:1", securityContext: { privileged: true } }\n');
    const doc = json(lintel(['scan', 'team-c', '--format', 'json'], { cwd: dir }));
    assert.deepEqual(doc.errors.map((e) => e.file), ['team-c/.lintel.yaml']);
    assert.match(doc.errors[0].message, /using the default configuration/);
    assert.deepEqual(doc.findings.filter((f) => f.ruleId === 'k8s/privileged-container').map((f) => f.file), ['team-c/a.yaml', 'team-c/b.yaml']);
  });

  it('an unknown rule id in the configuration is a warning entry', () => {
    write(dir, 'typo.yaml', 'rules:\n  k8s/no-such-rule: off\n');
    const r = lintel(['scan', 'deploy', '--format', 'json', '--config', 'typo.yaml', '--fail-on', 'never'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.deepEqual(json(r).errors, [{ file: 'typo.yaml', message: 'unknown rule `k8s/no-such-rule` in configuration; ignored' }]);
  });
});
