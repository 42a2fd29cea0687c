// JSON report: a stable, documented shape for scripts (1-based positions, paths relative to the current folder).
import { collectReport } from './collect';
import type { ReportData } from './types';

export function formatJson(input: ReportData): string {
  const { findings, errors, summary } = collectReport(input);
  const doc = {
    version: input.version,
    findings: findings.map((f) => ({
      ruleId: f.finding.ruleId,
      severity: f.finding.severity,
      message: f.finding.message,
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      fixable: f.fixable,
    })),
    errors: errors.map((e) => ({ file: e.file, message: e.error.message })),
    summary,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
