// Input shared by every report formatter: lint results, the rule catalogue and how to show file paths.
import type { RuleMeta } from '../rule';
import type { FileError, LintResult } from '../types';

export interface ReportData {
  /** The Lintel version that produced the results. */
  version: string;
  /** One result per file that was linted (findings and that file's own errors). */
  results: readonly LintResult[];
  /** Problems outside any linted file: configuration files, paths that could not be walked. */
  errors?: readonly FileError[];
  /** The rule catalogue (for titles, themes, documentation links). */
  rules: readonly RuleMeta[];
  /** Maps a file URI to the path shown to the user (relative to the current folder). */
  displayPath(uri: string): string;
  /** URI of the folder relative paths are based on (SARIF %SRCROOT%), with a trailing slash. */
  rootUri?: string;
  /** Text output only: use ANSI colours. */
  color?: boolean;
}

export type ReportFormat = 'text' | 'json' | 'sarif' | 'markdown';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif', 'markdown'];
