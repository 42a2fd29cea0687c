// Every report format of lintel scan: text lines and summary, the exact JSON shape, Markdown, --output and standard input.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../rules';
import { cleanup, copyFixture, FIXTURES, json, lintel, onlyRules, ROOT, write } from './cli';

const WEB = readFileSync(join(FIXTURES, 'project', 'deploy', 'web.yaml'), 'utf8');
/** 1-based line and UTF-16 column of the `true` after `privileged:` in the fixture. */
const LINE = WEB.split('\n').findIndex((l) => l.includes('privileged: true')) + 1;
const COLUMN = WEB.split('\n')[LINE - 1].indexOf('privileged: true') + 'privileged: '.length + 1;

describe('lintel scan output formats', () => {
  let dir: string;
  before(() => {
    dir = copyFixture('project');
    write(dir, 'only-privileged.yaml', onlyRules({ 'k8s/privileged-container': 'error' }));
  });
  after(() => cleanup(dir));

  it('text: one `path:line:col severity message [rule]` line per finding, grouped by file, then a summary', () => {
    const r = lintel(['scan', 'deploy', '--config', 'only-privileged.yaml'], { cwd: dir });
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines[0], `deploy/web.yaml:${LINE}:${COLUMN} error Container "web" runs privileged, with full access to the host. [k8s/privileged-container]`);
    assert.equal(lines.at(-1), '1 finding (1 error, 0 warnings, 0 info) in 2 files. 1 can be fixed with `lintel fix`.');
    assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colour when stdout is not a terminal');
  });

  it('text: findings of several files are grouped with a blank line between files', () => {
    const r = lintel(['scan', '.'], { cwd: dir });
    const blocks = r.stdout.trimEnd().split('\n\n');
    assert.ok(blocks.length >= 3, r.stdout);
    for (const block of blocks.slice(0, -1)) {
      const files = new Set(block.split('\n').map((l) => l.split(':')[0]));
      assert.equal(files.size, 1, `one file per block:\n${block}`);
    }
  });

  it('json: the exact documented shape, 1-based positions and paths relative to the current folder', () => {
    const r = lintel(['scan', 'deploy', '--format', 'json', '--config', 'only-privileged.yaml'], { cwd: dir });
    assert.equal(r.code, 1);
    const doc = json(r);
    assert.deepEqual(Object.keys(doc), ['version', 'findings', 'errors', 'summary']);
    assert.equal(doc.version, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    assert.deepEqual(doc.errors, []);
    assert.equal(doc.findings.length, 1);
    assert.deepEqual(doc.findings[0], {
      ruleId: 'k8s/privileged-container',
      severity: 'error',
      message: 'Container "web" runs privileged, with full access to the host.',
      file: 'deploy/web.yaml',
      line: LINE,
      column: COLUMN,
      endLine: LINE,
      endColumn: COLUMN + 4,
      fixable: true,
    });
    assert.deepEqual(doc.summary, { files: 2, findings: 1, bySeverity: { error: 1, warning: 0, info: 0 }, byTheme: { 'least-privilege': 1 }, fixable: 1, fileErrors: 0 });
  });

  it('json: paths are relative to the current folder, also for a path given from elsewhere', () => {
    const r = lintel(['scan', join(dir, 'deploy'), '--format', 'json'], { cwd: join(dir, 'team-b') });
    const files = new Set(json(r).findings.map((f) => f.file));
    assert.ok(files.has('../deploy/web.yaml'), [...files].join(', '));
  });

  it('markdown: totals by severity and theme and a table of findings', () => {
    const r = lintel(['scan', 'deploy', '--format', 'markdown', '--config', 'only-privileged.yaml'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^# Lintel report\n/);
    assert.match(r.stdout, /## By severity\n\n\| Severity \| Findings \|\n\| --- \| --- \|\n\| error \| 1 \|/);
    assert.match(r.stdout, /## By theme\n\n\| Theme \| Error \| Warning \| Info \| Total \|\n\| --- \| --- \| --- \| --- \| --- \|\n\| least-privilege \| 1 \| 0 \| 0 \| 1 \|/);
    assert.ok(r.stdout.includes(`| error | \`deploy/web.yaml:${LINE}:${COLUMN}\` | [k8s/privileged-container](https://github.com/lintel-dev/lintel/blob/main/docs/rules/k8s/privileged-container.md) | Container "web" runs privileged, with full access to the host. | yes |`), r.stdout);
  });

  for (const format of ['text', 'json', 'sarif', 'markdown']) {
    it(`--output writes the ${format} report to a file and nothing to standard output`, () => {
      const r = lintel(['scan', 'deploy', '--format', format, '--output', `out/report.${format}`, '--config', 'only-privileged.yaml'], { cwd: dir });
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, new RegExp(`Wrote ${format} report to out/report\\.${format}: 1 finding in 2 files\\.`));
      const text = readFileSync(join(dir, 'out', `report.${format}`), 'utf8');
      assert.equal(text, lintel(['scan', 'deploy', '--format', format, '--config', 'only-privileged.yaml'], { cwd: dir }).stdout);
    });
  }

  it('--output that cannot be written exits 2 with a clear message', () => {
    write(dir, 'a-file', 'not a folder\n');
    const r = lintel(['scan', 'deploy', '--output', 'a-file/report.json'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^lintel: cannot write the report to a-file\/report\.json: E[A-Z]+\n$/);
  });

  it('reads a manifest from standard input with "-"', () => {
    const r = lintel(['scan', '-', '--format', 'json', '--config', 'only-privileged.yaml'], { cwd: dir, input: WEB });
    const doc = json(r);
    assert.equal(r.code, 1);
    assert.deepEqual(doc.findings.map((f) => [f.file, f.line, f.column]), [['<stdin>', LINE, COLUMN]]);
  });

  it('uses the current folder when no path is given, and skips .git, node_modules and .terraform', () => {
    const tree = copyFixture('project');
    try {
      for (const skipped of ['.git', 'node_modules/pkg', '.terraform/modules']) write(tree, `${skipped}/pod.yaml`, WEB);
      const doc = json(lintel(['scan', '--format', 'json'], { cwd: tree }));
      assert.deepEqual([...new Set(doc.findings.map((f) => f.file))].sort(), ['deploy/web.yaml', 'team-b/agent.yaml']);
      assert.equal(doc.summary.files, 3, 'vendor/ is ignored and configuration files are not manifests');
    } finally {
      cleanup(tree);
    }
  });

  it('every rule in the findings is in the catalogue', () => {
    const ids = new Set(ALL_RULES.map((r) => r.id));
    for (const f of json(lintel(['scan', '--format', 'json', join(ROOT, 'examples')])).findings) assert.ok(ids.has(f.ruleId), f.ruleId);
  });
});
