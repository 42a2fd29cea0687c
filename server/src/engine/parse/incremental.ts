// Re-parses only the YAML documents an edit touches; the others are reused (cloned and moved when they shift).
import { visit } from 'yaml';
import type { Document } from 'yaml';
import { LineIndex } from '../text/lineIndex';
import { checkShape, looksLikeTemplate, parseSlice, type YamlFile } from './yaml';

/** Directives and `...` ends make documents depend on each other: such streams are parsed whole. */
const STREAM_SYNTAX = /^(?:%|\.\.\.(?=[ \t\r\n]|$))/m;

function isMarker(text: string, at: number): boolean {
  return text.startsWith('---', at) && (at === 0 || text.charCodeAt(at - 1) === 10) && (at + 3 === text.length || /[ \t\r\n]/.test(text[at + 3]));
}

/**
 * The analysis of `text` built from `prev` (the same file before an edit), or undefined when it
 * cannot be done safely and a full parse is needed: the previous text had errors, was a
 * template or used directives; the edited documents do not parse cleanly; or the edit touches a
 * `---` line in a way that may join documents. The result equals a full parse of `text`.
 */
export function reparseYaml(prev: YamlFile, text: string): YamlFile | undefined {
  const old = prev.text;
  const n = prev.docs.length;
  if (prev.template || prev.errors.length > 0 || n === 0 || old === text) return undefined;
  if (prev.docs.some((d) => !d.usable || d.doc.warnings.length > 0)) return undefined;
  if (STREAM_SYNTAX.test(old) || STREAM_SYNTAX.test(text)) return undefined;

  // The edit: old[p, q) became text[p, q + delta).
  const max = Math.min(old.length, text.length);
  let p = 0;
  while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  const q = old.length - s;
  const delta = text.length - old.length;

  // Document i owns old[bounds[i], bounds[i + 1]); every document after the first starts at a `---` line.
  const bounds = prev.docs.map((d, i) => (i === 0 ? 0 : d.start));
  for (let i = 1; i < n; i++) if (!isMarker(old, bounds[i])) return undefined;
  let first = 0;
  while (first + 1 < n && bounds[first + 1] <= p) first++;
  // An edit that starts right at a `---` may merge that document into the one before.
  if (first > 0 && bounds[first] === p) first--;
  let last = first;
  while (last + 1 < n && bounds[last + 1] <= q) last++;
  const from = bounds[first];
  const to = last + 1 < n ? bounds[last + 1] : old.length;
  // The slice must still begin with its own `---` (otherwise it joins the document before).
  if (first > 0 && !isMarker(text, from)) return undefined;

  let fresh: Document.Parsed[];
  try {
    fresh = parseSlice(text, from, to + delta);
  } catch {
    return undefined;
  }
  // Errors, warnings and shape problems are reported by the full parse.
  if (fresh.some((d) => d.errors.length > 0 || d.warnings.length > 0 || checkShape(d) !== undefined)) return undefined;

  const after = prev.docs.slice(last + 1).map((d) => (delta === 0 ? d.doc : moved(d.doc as Document.Parsed, delta)));
  const docs = [...prev.docs.slice(0, first).map((d) => d.doc as Document.Parsed), ...fresh, ...after];
  if (text.includes('{{') && looksLikeTemplate(text, docs)) return undefined;
  return {
    uri: prev.uri, text, lines: new LineIndex(text), errors: [], template: false,
    docs: docs.map((doc, index) => ({ index, doc, start: doc.range[0], end: doc.range[2], usable: true })),
  };
}

/** A copy of a document with every offset moved by `delta` (the previous analysis is left as it was). */
function moved(doc: Document.Parsed, delta: number): Document.Parsed {
  const copy = doc.clone() as Document.Parsed;
  const move = (r: number[] | undefined | null) => { if (r) for (let i = 0; i < r.length; i++) r[i] += delta; };
  move(copy.range);
  // Source tokens (kept by the parser) are not moved: nothing reads them.
  visit(copy, { Node(_k, node) { move(node.range as number[] | undefined); } });
  return copy;
}
