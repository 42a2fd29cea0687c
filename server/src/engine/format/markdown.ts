// Markdown report: totals by severity and by theme, then a table of findings and the files that could not be checked.
import { ruleDocsUrl } from '../docs/links';
import type { Theme } from '../types';
import { collectReport, compare, plural, SEVERITIES } from './collect';
import { cell, code, table } from './markdownUtil';
import type { ReportData } from './types';

export function formatMarkdown(input: ReportData): string {
  const { findings, errors, summary: s } = collectReport(input);
  const out: string[] = ['# Lintel report', ''];
  const headline = s.findings === 0
    ? `Lintel ${input.version} checked ${plural(s.files, 'file')}: no findings.`
    : `Lintel ${input.version} checked ${plural(s.files, 'file')}: ${plural(s.findings, 'finding')}, ${s.fixable} fixable with \`lintel fix\`.`;
  out.push(headline, '');
  if (s.fileErrors) out.push(`${plural(s.fileErrors, 'file problem')}: see [File problems](#file-problems).`, '');

  out.push('## By severity', '', table(['Severity', 'Findings'], SEVERITIES.map((sev) => [sev, String(s.bySeverity[sev])])), '');

  const themes = new Map<Theme, Record<string, number>>();
  for (const f of findings) {
    const theme = f.rule?.theme;
    if (!theme) continue;
    const row = themes.get(theme) ?? { error: 0, warning: 0, info: 0 };
    row[f.finding.severity]++;
    themes.set(theme, row);
  }
  out.push('## By theme', '');
  if (themes.size === 0) out.push('No findings.', '');
  else {
    const rows = [...themes].sort((a, b) => compare(a[0], b[0])).map(([theme, c]) => [theme, String(c.error), String(c.warning), String(c.info), String(c.error + c.warning + c.info)]);
    out.push(table(['Theme', 'Error', 'Warning', 'Info', 'Total'], rows), '');
  }

  out.push('## Findings', '');
  if (findings.length === 0) out.push('No findings.', '');
  else {
    const rows = findings.map((f) => [
      f.finding.severity,
      code(`${f.file}:${f.line}:${f.column}`),
      `[${cell(f.finding.ruleId)}](${ruleDocsUrl(f.finding.ruleId)})`,
      cell(f.finding.message),
      f.fixable ? 'yes' : '',
    ]);
    out.push(table(['Severity', 'Location', 'Rule', 'Message', 'Fixable'], rows), '');
  }

  if (errors.length) {
    out.push('## File problems', '');
    out.push(table(['File', 'Problem'], errors.map((e) => [code(e.line !== undefined ? `${e.file}:${e.line}:${e.column}` : e.file), cell(e.error.message)])), '');
  }
  return out.join('\n');
}
