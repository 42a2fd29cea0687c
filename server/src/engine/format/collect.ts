// Flattens lint results into sorted findings and file errors with 1-based positions and display paths.
import type { RuleMeta } from '../rule';
import type { Finding, FileError, Severity, Theme } from '../types';
import type { ReportData } from './types';

export interface ReportFinding {
  finding: Finding;
  file: string;
  /** 1-based line and column (UTF-16 code units); the end column is exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** True when `lintel fix` can fix it: the finding carries a safe fix. */
  fixable: boolean;
  rule?: RuleMeta;
}

export interface ReportError {
  error: FileError;
  file: string;
  line?: number;
  column?: number;
}

export interface ReportSummary {
  files: number;
  findings: number;
  bySeverity: Record<Severity, number>;
  byTheme: Partial<Record<Theme, number>>;
  fixable: number;
  fileErrors: number;
}

export interface CollectedReport {
  findings: ReportFinding[];
  errors: ReportError[];
  summary: ReportSummary;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export function collectReport(input: ReportData): CollectedReport {
  const rules = new Map(input.rules.map((r) => [r.id, r]));
  const findings: ReportFinding[] = [];
  const errors: ReportError[] = [];
  const toError = (e: FileError): ReportError => ({
    error: e,
    file: input.displayPath(e.uri),
    ...(e.range ? { line: e.range.start.line + 1, column: e.range.start.character + 1 } : {}),
  });
  for (const e of input.errors ?? []) errors.push(toError(e));
  for (const r of input.results) {
    for (const e of r.errors) errors.push(toError(e));
    for (const f of r.findings) {
      findings.push({
        finding: f,
        file: input.displayPath(f.uri),
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        fixable: f.fixes.some((x) => x.safe),
        rule: rules.get(f.ruleId),
      });
    }
  }
  findings.sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.finding.ruleId, b.finding.ruleId));
  errors.sort((a, b) => compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byTheme: Partial<Record<Theme, number>> = {};
  for (const f of findings) {
    bySeverity[f.finding.severity]++;
    if (f.rule) byTheme[f.rule.theme] = (byTheme[f.rule.theme] ?? 0) + 1;
  }
  return {
    findings,
    errors,
    summary: {
      files: input.results.length,
      findings: findings.length,
      bySeverity,
      byTheme,
      fixable: findings.filter((f) => f.fixable).length,
      fileErrors: errors.length,
    },
  };
}

/** Plain code-unit order, so output is the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
