// Core data types shared by the engine, its hosts and the rule packs.

export type Severity = 'error' | 'warning' | 'info';
export type SeverityLevel = Severity | 'off';

export type Theme =
  | 'versioning' | 'encryption' | 'probes' | 'limits' | 'least-privilege' | 'network-exposure'
  | 'observability' | 'resilience' | 'api-design' | 'supply-chain' | 'cost' | 'metadata';

export type Language = 'kubernetes' | 'terraform' | 'openapi';

/** A text edit in UTF-16 offsets of the original text. */
export interface TextEdit { start: number; end: number; newText: string }

/** A fix is data: a title, whether it is mechanical (safe) and its edits. */
export interface Fix { title: string; safe: boolean; edits: TextEdit[] }

/** Zero-based line and UTF-16 character, as LSP counts them. */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export interface Finding {
  /** Stable within one lint result: used by hosts to find the fixes of a diagnostic. */
  id: string;
  ruleId: string;
  severity: Severity;
  message: string;
  uri: string;
  /** Offsets in the file text. */
  start: number;
  end: number;
  range: Range;
  fixes: Fix[];
}

/** A problem with a file itself (unreadable, unparsable, too large), not a rule finding. */
export interface FileError {
  uri: string;
  message: string;
  range?: Range;
  /** 'error' stops analysis of the file; 'warning' is reported while the rest is still checked. */
  severity: 'error' | 'warning';
}

export interface LintResult {
  uri: string;
  findings: Finding[];
  errors: FileError[];
}
