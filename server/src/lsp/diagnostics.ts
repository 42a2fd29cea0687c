// Converts engine findings and file errors into LSP diagnostics (rule id, docs link, finding id for code actions).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { LineIndex, ruleDocsUrl, type FileError, type Finding, type LintResult, type Range, type Severity } from '../engine';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function findingDiagnostic(f: Finding, version: number | undefined): Diagnostic {
  const data: DiagnosticData = version === undefined ? { id: f.id } : { id: f.id, version };
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(f.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    data,
  };
}

/** A problem with the file itself: no rule code; placed on its range, or on the first line. */
export function fileErrorDiagnostic(e: FileError, text: string): Diagnostic {
  return {
    range: e.range ?? firstLine(text),
    severity: e.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    message: e.message,
  };
}

export function toDiagnostics(result: LintResult, text: string, version: number | undefined): Diagnostic[] {
  return [...result.errors.map((e) => fileErrorDiagnostic(e, text)), ...result.findings.map((f) => findingDiagnostic(f, version))];
}

export function isLintelDiagnostic(d: Diagnostic): boolean { return d.source === DIAGNOSTIC_SOURCE; }

export function readDiagnosticData(d: Diagnostic): DiagnosticData | undefined {
  const data = d.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data !== 'object' || typeof data.id !== 'string') return undefined;
  return { id: data.id, version: typeof data.version === 'number' ? data.version : undefined };
}

function firstLine(text: string): Range {
  const lines = new LineIndex(text.slice(0, 4096));
  return lines.range(0, lines.lineEnd(0));
}

/** Counts of a result by severity (file errors count as errors or warnings). */
export function countResult(result: LintResult): { errors: number; warnings: number; infos: number } {
  const c = { errors: 0, warnings: 0, infos: 0 };
  for (const e of result.errors) if (e.severity === 'error') c.errors++; else c.warnings++;
  for (const f of result.findings) if (f.severity === 'error') c.errors++; else if (f.severity === 'warning') c.warnings++; else c.infos++;
  return c;
}
