// Exit codes and the fail level: 0 nothing at or above it, 1 something at or above it, 2 usage or internal error.
import type { LintResult, FileError, Severity } from '../engine';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export type FailOn = Severity | 'never';
export const FAIL_ON_LEVELS: readonly FailOn[] = ['error', 'warning', 'info', 'never'];
export const DEFAULT_FAIL_ON: FailOn = 'error';

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/**
 * Findings count at their severity. A file that could not be checked (unreadable, unparsable,
 * invalid configuration) counts as an error, a file warning (duplicate key) as a warning:
 * a scan that silently skipped a file should not pass as clean.
 */
export function scanExitCode(results: readonly LintResult[], extraErrors: readonly FileError[], failOn: FailOn): number {
  if (failOn === 'never') return EXIT_OK;
  const threshold = RANK[failOn];
  const levels: Severity[] = [
    ...results.flatMap((r) => r.findings.map((f) => f.severity)),
    ...[...results.flatMap((r) => r.errors), ...extraErrors].map((e) => e.severity),
  ];
  return levels.some((s) => RANK[s] >= threshold) ? EXIT_FINDINGS : EXIT_OK;
}
