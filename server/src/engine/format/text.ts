// Text report for terminals: findings grouped by file as `path:line:col severity message [rule-id]`, then a summary line.
import { collectReport, plural, type CollectedReport } from './collect';
import type { ReportData } from './types';

const ANSI = { reset: '\u001b[0m', bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m', green: '\u001b[32m' };
type Paint = (style: keyof typeof ANSI, s: string) => string;

export function formatText(input: ReportData): string {
  const report = collectReport(input);
  const paint: Paint = input.color ? (style, s) => `${ANSI[style]}${s}${ANSI.reset}` : (_style, s) => s;
  const severityStyle = { error: 'red', warning: 'yellow', info: 'cyan' } as const;
  const byFile = new Map<string, string[]>();
  const add = (file: string, line: string) => {
    const lines = byFile.get(file) ?? [];
    lines.push(line);
    byFile.set(file, lines);
  };
  for (const e of report.errors) {
    const where = e.line !== undefined ? `${e.file}:${e.line}:${e.column}` : e.file;
    add(e.file, `${paint('bold', where)} ${paint(e.error.severity === 'error' ? 'red' : 'yellow', e.error.severity === 'error' ? 'error' : 'warning')} ${e.error.message}`);
  }
  for (const f of report.findings) {
    const sev = f.finding.severity;
    add(f.file, `${paint('bold', `${f.file}:${f.line}:${f.column}`)} ${paint(severityStyle[sev], sev)} ${f.finding.message} ${paint('dim', `[${f.finding.ruleId}]`)}`);
  }
  const blocks = [...byFile.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((file) => byFile.get(file)!.join('\n'));
  const summary = summaryLine(report, paint);
  return blocks.length ? `${blocks.join('\n\n')}\n\n${summary}\n` : `${summary}\n`;
}

function summaryLine({ summary: s }: CollectedReport, paint: Paint): string {
  const parts: string[] = [];
  if (s.findings === 0) parts.push(paint('green', `No findings in ${plural(s.files, 'file')}.`));
  else {
    const counts = [plural(s.bySeverity.error, 'error'), plural(s.bySeverity.warning, 'warning'), `${s.bySeverity.info} info`];
    const text = `${plural(s.findings, 'finding')} (${counts.join(', ')}) in ${plural(s.files, 'file')}.`;
    parts.push(paint(s.bySeverity.error ? 'red' : s.bySeverity.warning ? 'yellow' : 'cyan', text));
    if (s.fixable) parts.push(`${s.fixable} can be fixed with \`lintel fix\`.`);
  }
  if (s.fileErrors) parts.push(paint('red', `${plural(s.fileErrors, 'file problem')} (see above).`));
  return parts.join(' ');
}
