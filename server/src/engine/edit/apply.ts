// Applies text edits, drops overlapping ones, and reduces a before/after pair to a minimal edit.
import type { TextEdit } from '../types';

/**
 * Applies non-overlapping edits; the caller guarantees they do not overlap. As in LSP, inserts at
 * the same offset appear in the order of the array (applied back to front, so the later one first).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Keeps groups of edits (one group per fix) that do not overlap an earlier-accepted group. */
export function selectNonOverlapping(groups: readonly TextEdit[][]): TextEdit[][] {
  const accepted: TextEdit[][] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (e: TextEdit) => taken.some(([s, t]) => conflict(e.start, e.end, s, t));
  for (const g of groups) {
    if (g.some(overlaps)) continue;
    accepted.push(g);
    for (const e of g) taken.push([e.start, e.end]);
  }
  return accepted;
}

/** The single smallest edit turning `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length, endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) { endB--; endA--; }
  return { start, end: endB, newText: after.slice(start, endA) };
}

/** Two ranges conflict when they intersect, or when both insert at the same offset (order unknown). */
function conflict(a: number, b: number, s: number, t: number): boolean {
  if (a < t && s < b) return true;
  if (a === b && s === t) return a === s;
  if (a === b) return s < a && a < t;
  if (s === t) return a < s && s < b;
  return false;
}
