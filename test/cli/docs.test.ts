// Rule docs: the committed docs/rules pages equal the generated ones (drift gate), and the page renderer's contents.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../rules';
import { renderRulePage, ruleDocsUrl, DOCS_BASE_URL } from '../../server/src/engine';
import { ROOT } from './cli';

const DOCS = join(ROOT, 'docs', 'rules');

describe('rule docs', () => {
  it('docs/rules matches the rules: run `npm run docs` when this fails', function () {
    this.timeout(120_000);
    const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), join(ROOT, 'scripts', 'gen-docs.ts'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.ok(r.status === 0, `${r.stderr.trim() || r.stdout.trim()}\nThe committed rule docs differ from the generated ones: run \`npm run docs\` and commit docs/rules.`);
  });

  it('has one page per rule where ruleDocsUrl points, and an index that links them', () => {
    const index = readFileSync(join(DOCS, 'README.md'), 'utf8');
    for (const r of ALL_RULES) {
      assert.equal(ruleDocsUrl(r.id), `${DOCS_BASE_URL}/${r.id}.md`);
      assert.ok(existsSync(join(DOCS, `${r.id}.md`)), `docs/rules/${r.id}.md`);
      assert.ok(index.includes(`](${r.id}.md)`), `${r.id} in the index`);
    }
  });

  it('a page shows the metadata, the options, and the examples with their annotations', () => {
    const page = renderRulePage(
      {
        id: 'k8s/example-rule', title: 'Examples are rendered', theme: 'probes', severity: 'warning', enabledByDefault: false,
        rationale: 'Because `reasons` matter.', remediation: 'Do the thing.', language: 'kubernetes', fixable: true,
        aliases: ['kube-linter:example'], options: { threshold: 3 }, appliesTo: { kinds: ['Deployment'] },
        references: ['https://kubernetes.io/docs/'],
      },
      {
        bad: { name: 'bad.yaml', text: 'a: 1\n#  ^ k8s/example-rule\nb: "```"\n' },
        fixed: { name: 'bad.fixed.yaml', text: 'a: 2\n' },
        good: { name: 'good.yaml', text: 'a: 3\n' },
      },
    );
    assert.match(page, /^# Examples are rendered\n\nRule `k8s\/example-rule`\.\n/);
    assert.match(page, /\| Severity \| warning \|/);
    assert.match(page, /\| Theme \| probes \|/);
    assert.match(page, /\| Enabled by default \| no \(turn it on with `k8s\/example-rule: warning` under `rules:` in `\.lintel\.yaml`, or `extends: all`\) \|/);
    assert.match(page, /\| Fixable \| yes \|/);
    assert.match(page, /\| Applies to \| Deployment \|/);
    assert.match(page, /\| Aliases \| `kube-linter:example` \|/);
    assert.match(page, /## Why\n\nBecause `reasons` matter\.\n/);
    assert.match(page, /## How to fix\n\nDo the thing\.\n/);
    assert.match(page, /\| `threshold` \| `3` \|/);
    assert.match(page, /### Bad\n\n.*\n\n````yaml\na: 1\n#  \^ k8s\/example-rule\nb: "```"\n````\n/);
    assert.match(page, /### Fixed\n\n.*\n\n```yaml\na: 2\n```\n/);
    assert.match(page, /### Good\n\n```yaml\na: 3\n```\n/);
    assert.match(page, /## References\n\n- <https:\/\/kubernetes\.io\/docs\/>\n$/);
  });
});
