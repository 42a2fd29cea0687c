// The pure report formatters on hand-made results: colour only when asked, Markdown escaping, stable order, SARIF validity.
import assert from 'node:assert/strict';
import { formatJson, formatMarkdown, formatSarif, formatText, type ReportData } from '../../server/src/engine/format';
import type { Finding, LintResult, RuleMeta } from '../../server/src/engine';
import { sarifSchemaErrors } from './sarifSchema';

const RULE: RuleMeta = {
  id: 'k8s/demo-rule', title: 'Demo objects are fine', theme: 'probes', severity: 'warning', enabledByDefault: true,
  rationale: 'A reason.', remediation: 'A remedy.', language: 'kubernetes', fixable: true,
};

function finding(uri: string, line: number, message: string, severity: Finding['severity'] = 'warning', safe = false): Finding {
  return {
    id: `${line}`, ruleId: RULE.id, severity, message, uri, start: 0, end: 3,
    range: { start: { line, character: 2 }, end: { line, character: 5 } },
    fixes: [{ title: 'fix', safe, edits: [{ start: 0, end: 1, newText: 'x' }] }],
  };
}

function input(results: LintResult[], extra: Partial<ReportData> = {}): ReportData {
  return { version: '9.9.9', results, rules: [RULE], displayPath: (u) => u.replace('file:///w/', ''), rootUri: 'file:///w/', ...extra };
}

const RESULTS: LintResult[] = [
  { uri: 'file:///w/b.yaml', findings: [finding('file:///w/b.yaml', 4, 'Pipe | and `tick`.', 'error', true)], errors: [] },
  { uri: 'file:///w/a.yaml', findings: [finding('file:///w/a.yaml', 9, 'Second.'), finding('file:///w/a.yaml', 1, 'First.', 'info')], errors: [] },
  { uri: 'file:///w/c.yaml', findings: [], errors: [{ uri: 'file:///w/c.yaml', severity: 'error', message: 'YAML syntax error: bad', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } } }] },
];

describe('report formatters', () => {
  it('text: sorted by file and position, colour only when asked', () => {
    const plain = formatText(input(RESULTS));
    assert.equal(plain, [
      'a.yaml:2:3 info First. [k8s/demo-rule]',
      'a.yaml:10:3 warning Second. [k8s/demo-rule]',
      '',
      'b.yaml:5:3 error Pipe | and `tick`. [k8s/demo-rule]',
      '',
      'c.yaml:3:1 error YAML syntax error: bad',
      '',
      '3 findings (1 error, 1 warning, 1 info) in 3 files. 1 can be fixed with `lintel fix`. 1 file problem (see above).',
      '',
    ].join('\n'));
    const coloured = formatText(input(RESULTS, { color: true }));
    assert.match(coloured, /\u001b\[31merror\u001b\[0m/);
    assert.equal(coloured.replace(/\u001b\[\d+m/g, ''), plain);
  });

  it('text: a clean run says so', () => {
    assert.equal(formatText(input([{ uri: 'file:///w/a.yaml', findings: [], errors: [] }])), 'No findings in 1 file.\n');
  });

  it('json: fixable means a safe fix exists', () => {
    const doc = JSON.parse(formatJson(input(RESULTS)));
    assert.deepEqual(doc.findings.map((f: { file: string; line: number; fixable: boolean }) => [f.file, f.line, f.fixable]), [['a.yaml', 2, false], ['a.yaml', 10, false], ['b.yaml', 5, true]]);
    assert.deepEqual(doc.errors, [{ file: 'c.yaml', message: 'YAML syntax error: bad' }]);
    assert.deepEqual(doc.summary, { files: 3, findings: 3, bySeverity: { error: 1, warning: 1, info: 1 }, byTheme: { probes: 3 }, fixable: 1, fileErrors: 1 });
  });

  it('markdown: escapes table cells and lists file problems', () => {
    const md = formatMarkdown(input(RESULTS));
    assert.ok(md.includes('| Pipe \\| and `tick`. |'), md);
    assert.match(md, /## File problems\n\n\| File \| Problem \|\n\| --- \| --- \|\n\| `c\.yaml:3:1` \| YAML syntax error: bad \|/);
    assert.match(md, /\| probes \| 1 \| 1 \| 1 \| 3 \|/);
  });

  it('sarif: valid, with a descriptor for a rule missing from the catalogue and encoded relative URIs', () => {
    const odd: LintResult = { uri: 'file:///w/dir%20x/d.yaml', findings: [{ ...finding('file:///w/dir%20x/d.yaml', 0, 'Other.'), ruleId: 'k8s/unknown-rule' }], errors: [] };
    const log = JSON.parse(formatSarif(input([...RESULTS, odd], { displayPath: (u) => decodeURIComponent(u.replace('file:///w/', '')) })));
    assert.deepEqual(sarifSchemaErrors(log), []);
    const run = log.runs[0];
    const res = run.results.find((r: { ruleId: string }) => r.ruleId === 'k8s/unknown-rule');
    assert.equal(run.tool.driver.rules[res.ruleIndex].id, 'k8s/unknown-rule');
    assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'dir%20x/d.yaml');
    assert.equal(run.results.find((r: { level: string }) => r.level === 'note').ruleId, RULE.id);
  });
});
