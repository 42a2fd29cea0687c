// The rule catalogue: ids unique and equal to folders, metadata complete, every folder registered, generated index complete.
import assert from 'node:assert/strict';
import { ALL_RULES } from '../../rules';
import { ruleFolders } from '../helpers/ruleExamples';

const THEMES = ['versioning', 'encryption', 'probes', 'limits', 'least-privilege', 'network-exposure', 'observability', 'resilience', 'api-design', 'supply-chain', 'cost', 'metadata'];

describe('rule catalogue', () => {
  it('registers every rule folder exactly once, with the folder as id', () => {
    const folders = ruleFolders().map((f) => f.id).sort();
    const ids = ALL_RULES.map((r) => r.id).sort();
    assert.deepEqual(ids, folders);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  });

  for (const r of ALL_RULES) {
    it(`${r.id} has complete metadata`, () => {
      assert.match(r.id, /^(k8s|aws|azure|gcp|tf|oas)\/[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(r.title.length > 10 && !r.title.endsWith('.'), 'title');
      assert.ok(THEMES.includes(r.theme), `theme ${r.theme}`);
      assert.ok(['error', 'warning', 'info'].includes(r.severity), 'severity');
      assert.equal(typeof r.enabledByDefault, 'boolean');
      assert.ok(r.rationale.length > 60, 'rationale explains why');
      assert.ok(r.remediation.length > 15, 'remediation');
      assert.equal(typeof r.check, 'function');
      for (const a of r.aliases ?? []) assert.match(a, /^(kube-linter|kube-score|polaris|checkov|trivy|kics):\S+$/, `alias ${a}`);
    });
  }

  it('aliases never equal another rule id', () => {
    const ids = new Set(ALL_RULES.map((r) => r.id));
    for (const r of ALL_RULES) for (const a of r.aliases ?? []) assert.ok(!ids.has(a), `${r.id} alias ${a}`);
  });
});
