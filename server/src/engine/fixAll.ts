// Fix-all: applies the chosen fixes without overlaps, re-lints, and repeats until stable (bounded passes).
import type { EffectiveConfig } from './config/config';
import { applyEdits, selectNonOverlapping } from './edit/apply';
import { lintFile, type LintOptions } from './runner';
import type { Rule } from './rule';
import type { Finding } from './types';
import type { Workspace } from './workspace';

export interface FixAllOptions extends LintOptions {
  /** Apply only safe fixes (the default); false also applies fixes with placeholders. */
  safeOnly?: boolean;
  maxPasses?: number;
}

export interface FixAllResult { text: string; applied: number; passes: number; remaining: Finding[] }

/**
 * Computes the fixed text of a file. The workspace is restored to the original text afterwards,
 * so callers decide whether to keep the result.
 */
export function fixAll(ws: Workspace, uri: string, config: EffectiveConfig, rules: readonly Rule[], opts: FixAllOptions = {}): FixAllResult {
  const original = ws.get(uri)?.text;
  if (original === undefined) return { text: '', applied: 0, passes: 0, remaining: [] };
  const safeOnly = opts.safeOnly ?? true;
  const maxPasses = opts.maxPasses ?? 10;
  let text = original;
  let applied = 0;
  let passes = 0;
  let findings = lintFile(ws, uri, config, rules, opts).findings;
  const baseErrors = syntaxErrors(ws.get(uri)!.errors);
  try {
    while (passes < maxPasses) {
      const groups = findings
        .map((f) => f.fixes.find((x) => x.safe || !safeOnly))
        .filter((f): f is NonNullable<typeof f> => !!f)
        .map((f) => f.edits);
      let chosen = selectNonOverlapping(groups);
      if (chosen.length === 0) break;
      let next = applyEdits(text, chosen.flat());
      if (next === text) break;
      // A fix must never turn a parsable file into a broken one. When this pass would, keep only
      // the fixes that are harmless on their own, so one bad fix does not hold back the others.
      const breaks = (t: string) => syntaxErrors(ws.set(uri, t).errors) > baseErrors;
      if (breaks(next)) {
        chosen = chosen.filter((g) => !breaks(applyEdits(text, g)));
        next = applyEdits(text, chosen.flat());
        if (chosen.length === 0 || next === text || breaks(next)) {
          ws.set(uri, text);
          break;
        }
      }
      text = next;
      applied += chosen.length;
      passes++;
      findings = lintFile(ws, uri, config, rules, opts).findings;
    }
    return { text, applied, passes, remaining: findings };
  } finally {
    ws.set(uri, original);
  }
}

function syntaxErrors(errors: readonly { severity: string }[]): number {
  return errors.filter((e) => e.severity === 'error').length;
}
