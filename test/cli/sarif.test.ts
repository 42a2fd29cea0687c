// SARIF output: valid against the official 2.1.0 schema, rules and results consistent, file problems as notifications.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_RULES } from '../../rules';
import { ruleDocsUrl } from '../../server/src/engine';
import { cleanup, copyFixture, FIXTURES, lintel, onlyRules, ROOT, write } from './cli';
import { sarifSchemaErrors } from './sarifSchema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Sarif = any;

describe('lintel scan --format sarif', () => {
  let dir: string;
  let log: Sarif;
  before(() => {
    dir = copyFixture('project');
    write(dir, 'broken.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x\n');
    write(dir, 'binary.yaml', Buffer.from([0x61, 0x00, 0x62]));
    const r = lintel(['scan', '--format', 'sarif'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    log = JSON.parse(r.stdout);
  });
  after(() => cleanup(dir));

  it('is valid against the SARIF 2.1.0 JSON Schema', () => {
    assert.deepEqual(sarifSchemaErrors(log), []);
  });

  it('describes the tool and every rule of the catalogue', () => {
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'Lintel');
    assert.equal(driver.version, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    assert.equal(driver.informationUri, 'https://github.com/lintel-dev/lintel');
    assert.deepEqual(driver.rules.map((r: Sarif) => r.id), ALL_RULES.map((r) => r.id));
    const rule = driver.rules.find((r: Sarif) => r.id === 'k8s/privileged-container');
    const meta = ALL_RULES.find((r) => r.id === 'k8s/privileged-container')!;
    assert.equal(rule.name, 'PrivilegedContainer');
    assert.equal(rule.shortDescription.text, meta.title);
    assert.ok(rule.fullDescription.text.startsWith(meta.rationale));
    assert.equal(rule.helpUri, ruleDocsUrl('k8s/privileged-container'));
    assert.deepEqual(rule.defaultConfiguration, { enabled: true, level: 'error' });
    assert.deepEqual(rule.properties.tags, ['least-privilege']);
    for (const r of driver.rules) {
      const m = ALL_RULES.find((x) => x.id === r.id)!;
      assert.equal(r.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note' }[m.severity]);
      assert.equal(r.defaultConfiguration.enabled, m.enabledByDefault);
    }
  });

  it('gives each result its rule index, level and a relative location with 1-based UTF-16 columns', () => {
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.originalUriBaseIds['%SRCROOT%'], { uri: `${pathToFileURL(dir).href}/` });
    for (const res of run.results) {
      assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level));
    }
    const privileged = run.results.filter((r: Sarif) => r.ruleId === 'k8s/privileged-container');
    assert.equal(privileged.length, 1);
    const text = readFileSync(join(FIXTURES, 'project', 'deploy', 'web.yaml'), 'utf8').split('\n');
    const line = text.findIndex((l) => l.includes('privileged: true'));
    const column = text[line].indexOf('privileged: true') + 'privileged: '.length + 1;
    assert.equal(privileged[0].level, 'error');
    assert.deepEqual(privileged[0].locations[0].physicalLocation, {
      artifactLocation: { uri: 'deploy/web.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: line + 1, startColumn: column, endLine: line + 1, endColumn: column + 4 },
    });
  });

  it('reports files that could not be checked as tool execution notifications', () => {
    const inv = log.runs[0].invocations[0];
    assert.equal(inv.executionSuccessful, true);
    const byFile = new Map(inv.toolExecutionNotifications.map((n: Sarif) => [n.locations[0].physicalLocation.artifactLocation.uri, n]));
    const binary = byFile.get('binary.yaml') as Sarif;
    assert.equal(binary.level, 'error');
    assert.match(binary.message.text, /binary/);
    const broken = byFile.get('broken.yaml') as Sarif;
    assert.match(broken.message.text, /YAML syntax error/);
    assert.ok(broken.locations[0].physicalLocation.region.startLine >= 1);
  });

  it('stays valid with no findings and for a file outside the current folder', () => {
    write(dir, 'none.yaml', onlyRules({}));
    const empty = JSON.parse(lintel(['scan', 'deploy', '--format', 'sarif', '--config', 'none.yaml'], { cwd: dir }).stdout);
    assert.deepEqual(sarifSchemaErrors(empty), []);
    assert.deepEqual(empty.runs[0].results, []);
    const outside = JSON.parse(lintel(['scan', join(dir, 'deploy'), '--format', 'sarif'], { cwd: join(dir, 'team-b') }).stdout);
    assert.deepEqual(sarifSchemaErrors(outside), []);
    const uris = outside.runs[0].results.map((r: Sarif) => r.locations[0].physicalLocation.artifactLocation);
    assert.ok(uris.every((u: Sarif) => u.uri.startsWith('file:///') && u.uriBaseId === undefined), JSON.stringify(uris));
  });
});

describe('SARIF schema validation', () => {
  const valid = () => ({
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Lintel', informationUri: 'https://github.com/lintel-dev/lintel', rules: [{ id: 'k8s/x', helpUri: 'https://example.com/x' }] } },
      invocations: [{ executionSuccessful: true }],
      results: [{ ruleId: 'k8s/x', ruleIndex: 0, level: 'error', message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 1 } } }] }],
    }],
  });

  it('accepts a minimal valid log', () => {
    assert.deepEqual(sarifSchemaErrors(valid()), []);
  });

  const breakages: Array<[string, (d: Sarif) => void, RegExp]> = [
    ['an unknown result level', (d) => { d.runs[0].results[0].level = 'fatal'; }, /level must be equal to one of the allowed values/],
    ['a result without a message', (d) => { delete d.runs[0].results[0].message; }, /must have required property 'message'/],
    ['a 0-based line', (d) => { d.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0; }, /startLine must be >= 1/],
    ['a wrong version', (d) => { d.version = '2.0.0'; }, /version must be equal to one of the allowed values/],
    ['a relative helpUri', (d) => { d.runs[0].tool.driver.rules[0].helpUri = 'docs/x.md'; }, /helpUri must match format "uri"/],
    ['an invocation without executionSuccessful', (d) => { delete d.runs[0].invocations[0].executionSuccessful; }, /must have required property 'executionSuccessful'/],
    ['an unknown property', (d) => { d.runs[0].results[0].severity = 'error'; }, /must NOT have additional properties/],
  ];
  for (const [what, breakIt, message] of breakages) {
    it(`rejects ${what}`, () => {
      const doc = valid();
      breakIt(doc);
      const errors = sarifSchemaErrors(doc);
      assert.ok(errors.some((e) => message.test(e)), errors.join('\n'));
    });
  }
});
