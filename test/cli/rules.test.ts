// lintel rules: the catalogue as JSON (every rule with its metadata) and as a Markdown table.
import assert from 'node:assert/strict';
import { ALL_RULES } from '../../rules';
import { ruleDocsUrl } from '../../server/src/engine';
import { lintel } from './cli';

describe('lintel rules', () => {
  it('--format json lists every rule with its metadata and docs link', () => {
    const r = lintel(['rules', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const list = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    assert.deepEqual(list.map((x) => x.id), ALL_RULES.map((x) => x.id).sort());
    for (const entry of list) {
      const rule = ALL_RULES.find((x) => x.id === entry.id)!;
      assert.equal(entry.title, rule.title);
      assert.equal(entry.severity, rule.severity);
      assert.equal(entry.theme, rule.theme);
      assert.equal(entry.enabledByDefault, rule.enabledByDefault);
      assert.equal(entry.fixable, rule.fixable);
      assert.deepEqual(entry.aliases, [...(rule.aliases ?? [])]);
      assert.equal(entry.docs, ruleDocsUrl(rule.id));
    }
  });

  it('prints a Markdown table by default', () => {
    const r = lintel(['rules']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^# Lintel rules\n\n\| Rule \| Checks that \| Theme \| Severity \| On by default \| Fixable \|\n\| --- \|/);
    for (const rule of ALL_RULES) {
      assert.ok(r.stdout.includes(`| [\`${rule.id}\`](${ruleDocsUrl(rule.id)}) | ${rule.title.replace(/\|/g, '\\|')} | ${rule.theme} | ${rule.severity} |`), rule.id);
    }
    assert.equal(lintel(['rules', '--format', 'markdown']).stdout, r.stdout);
  });

  it('rejects extra arguments', () => {
    const r = lintel(['rules', 'k8s/privileged-container']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unexpected argument k8s\/privileged-container/);
  });
});
