// Parses a YAML stream into documents with exact offsets, bounded against alias bombs and deep nesting.
import { Composer, isAlias, isCollection, isPair, parseAllDocuments, Parser, visit } from 'yaml';
import type { Alias, Document, Node } from 'yaml';
import { LineIndex } from '../text/lineIndex';
import { aliasTargets } from './yamlNodes';
import type { FileError } from '../types';

export interface YamlDocument {
  index: number;
  doc: Document.Parsed;
  /** Offsets of the document's content in the file. */
  start: number;
  end: number;
  /** False when the document has syntax errors or is unsafe to read; rules skip it. */
  usable: boolean;
}

export interface YamlFile {
  uri: string;
  text: string;
  lines: LineIndex;
  docs: YamlDocument[];
  errors: FileError[];
  /** True for Helm/Go templates: skipped without findings. */
  template: boolean;
}

/** Node count an alias-expanded document may reach before it is treated as an alias bomb. */
export const MAX_EXPANDED_NODES = 200_000;
export const MAX_DEPTH = 200;

/**
 * A `{{ }}` action that only a Helm chart writes: Helm's built-in objects (`.Values`, `$.Release`, …)
 * or Helm-only functions. Go template text of other tools (Prometheus `{{ $labels.x }}`,
 * Alertmanager `{{ define }}`) uses neither. The scan of an action stops at the next brace:
 * `[^}]*?` alone re-read the rest of the text from every `{{` of a text full of unclosed ones
 * (quadratic: 80,000 of them took 24 s).
 */
const HELM_ACTION = /\{\{[^{}]*?(?:(?<![\w\])])\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|\b(?:include|toYaml|fromYaml|tpl|required|lookup)\b)/;
const COMMENT_LINE = /^[ \t]*#.*$/gm;

/**
 * Whether a text is a Helm/Go template rather than YAML. Template actions inside YAML values are
 * data (alert texts, config files in ConfigMaps); a file is a template when an action refers to
 * Helm, or when an action stands where YAML structure is (a line of its own, a whole value),
 * which `parsed` tells: such an action is outside every scalar. Comment lines never count.
 */
export function looksLikeTemplate(text: string, parsed?: readonly Document.Parsed[]): boolean {
  if (!text.includes('{{')) return false;
  const code = text.replace(COMMENT_LINE, (l) => ' '.repeat(l.length));
  if (HELM_ACTION.test(code)) return true;
  if (!parsed) return false;
  const spans: Array<[number, number]> = [];
  for (const doc of parsed) {
    visit(doc, { Scalar(_k, n) { if (n.range) spans.push([n.range[0], n.range[1]]); } });
  }
  spans.sort((a, b) => a[0] - b[0]);
  const inScalar = (at: number): boolean => {
    let lo = 0, hi = spans.length - 1, found = -1;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (spans[mid][0] <= at) { found = mid; lo = mid + 1; } else hi = mid - 1; }
    // Scalars never overlap: only the last one starting at or before `at` can hold it.
    return found >= 0 && at < spans[found][1];
  };
  for (let at = code.indexOf('{{'); at >= 0; at = code.indexOf('{{', at + 2)) {
    if (!inScalar(at)) return true;
  }
  return false;
}

export function parseYaml(uri: string, text: string): YamlFile {
  const lines = new LineIndex(text);
  const file: YamlFile = { uri, text, lines, docs: [], errors: [], template: false };
  if (looksLikeTemplate(text)) {
    file.template = true;
    return file;
  }
  let parsed: Document.Parsed[];
  const tooDeep: number[] = [];
  try {
    parsed = parseStream(text, tooDeep);
  } catch (e) {
    file.errors.push({ uri, severity: 'error', message: `YAML could not be parsed: ${(e as Error).message}` });
    return file;
  }
  for (const s of tooDeep) file.errors.push({ uri, severity: 'error', message: TOO_DEEP, range: lines.range(s, lines.lineEnd(lines.position(s).line)) });
  // Template actions standing where YAML structure is are only known once the text is parsed.
  if (looksLikeTemplate(text, parsed)) {
    file.template = true;
    return file;
  }
  parsed.forEach((doc, index) => {
    const [start, , end] = doc.range;
    const entry: YamlDocument = { index, doc, start, end, usable: true };
    let deep = false;
    for (const err of doc.errors) {
      const [s, e] = err.pos;
      const duplicate = err.code === 'DUPLICATE_KEY';
      // The composer reports its own stack overflow on deep nesting as this code (once is enough).
      const exhausted = err.code === 'RESOURCE_EXHAUSTION';
      if (exhausted && deep) continue;
      deep ||= exhausted;
      file.errors.push({
        uri, severity: duplicate ? 'warning' : 'error',
        message: duplicate ? `${firstLine(err.message)} (most tools keep the last value)` : exhausted ? TOO_DEEP : `YAML syntax error: ${firstLine(err.message)}`,
        range: lines.range(s, Math.max(e, s + 1)),
      });
      if (!duplicate) entry.usable = false;
    }
    if (entry.usable) {
      const problem = checkShape(doc);
      if (problem) {
        entry.usable = false;
        const [s, e] = problem.at?.range ?? [start, Math.min(end, lines.lineEnd(lines.position(start).line))];
        file.errors.push({ uri, severity: problem.severity, message: problem.message, range: lines.range(s, e) });
      }
    }
    file.docs.push(entry);
  });
  return file;
}

function firstLine(s: string): string { return s.split('\n')[0]; }

// Source tokens are not kept: edits work from node ranges, and the tokens more than doubled the memory of an
// indexed workspace (the Kubernetes corpus held as parsed documents: 235 MB with them, 102 MB without).
const PARSE_OPTIONS = { keepSourceTokens: false, uniqueKeys: true, prettyErrors: false } as const;
const TOO_DEEP = 'YAML nesting is too deep to analyse; document skipped';
const DOC_MARKER = /^---(?=[ \t\r\n]|$)/gm;

/**
 * Parses a YAML stream. When the parser gives up on the whole stream (a stack overflow on deeply
 * nested block collections), or a broken document runs on over later `---` lines (an unclosed
 * quote or bracket swallows the documents after it), each document is parsed on its own, so the
 * others are still analysed; the offsets of documents that are too deep are added to `tooDeep`.
 */
function parseStream(text: string, tooDeep: number[]): Document.Parsed[] {
  try {
    const docs = parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[];
    if (!Array.isArray(docs)) return [];
    if (!docs.some((d) => d.errors.length > 0 && hasMarkerLine(text, d.range[0] + 1, d.range[2]))) return docs;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  return parseEachDocument(text, tooDeep);
}

/** Whether a `---` line starts inside [from, to). */
function hasMarkerLine(text: string, from: number, to: number): boolean {
  DOC_MARKER.lastIndex = from;
  const m = DOC_MARKER.exec(text);
  return !!m && m.index < to;
}

/** Parses the slices between `---` lines one by one, keeping offsets in the whole text. */
function parseEachDocument(text: string, tooDeep: number[]): Document.Parsed[] {
  const starts = [0];
  DOC_MARKER.lastIndex = 1;
  for (let m = DOC_MARKER.exec(text); m; m = DOC_MARKER.exec(text)) starts.push(m.index);
  const out: Document.Parsed[] = [];
  starts.forEach((s, i) => {
    const e = i + 1 < starts.length ? starts[i + 1] : text.length;
    try {
      out.push(...parseSlice(text, s, e));
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      tooDeep.push(s);
    }
  });
  return out;
}

/** The documents of text[from, to) parsed on their own, with offsets in the whole text (may throw RangeError). */
export function parseSlice(text: string, from: number, to: number): Document.Parsed[] {
  const tokens = [...new Parser().parse(text.slice(from, to))];
  shiftOffsets(tokens, from);
  return [...new Composer(PARSE_OPTIONS).compose(tokens, false, to)] as Document.Parsed[];
}

/** Moves the CST tokens of a slice parsed on its own to their offsets in the whole text (no recursion). */
function shiftOffsets(tokens: unknown[], delta: number): void {
  if (delta === 0) return;
  const seen = new Set<object>();
  const stack: unknown[] = [...tokens];
  while (stack.length) {
    const t = stack.pop();
    if (!t || typeof t !== 'object' || seen.has(t)) continue;
    seen.add(t);
    if (Array.isArray(t)) { stack.push(...t); continue; }
    const o = t as Record<string, unknown>;
    if (typeof o.offset === 'number') o.offset += delta;
    for (const k of Object.keys(o)) if (o[k] && typeof o[k] === 'object') stack.push(o[k]);
  }
}

export interface ShapeProblem { message: string; severity: 'error' | 'warning'; at?: Node }

/** Depth and alias-expansion bounds, and aliases without an anchor, computed without expanding anything. */
export function checkShape(doc: Document.Parsed): ShapeProblem | undefined {
  const refused = (message: string): ShapeProblem => ({ message, severity: 'warning' });
  let hasAlias = false;
  let tooDeep = false;
  try {
    visit(doc, {
      Alias() { hasAlias = true; },
      Node(_k, _n, path) {
        // A level is a collection: the path also holds pairs (two entries per map level) but only
        // one entry per sequence level, so its length alone let 400 nested sequences through.
        if (path.length > MAX_DEPTH && path.filter((p) => isCollection(p)).length > MAX_DEPTH) { tooDeep = true; return visit.BREAK; }
        return undefined;
      },
    });
  } catch {
    return refused(`YAML nesting exceeds ${MAX_DEPTH} levels; document skipped`);
  }
  if (tooDeep) return refused(`YAML nesting exceeds ${MAX_DEPTH} levels; document skipped`);
  if (!hasAlias) return undefined;
  // Targets from one pass over the document (Alias.resolve searches it on every call: quadratic).
  const targets = aliasTargets(doc);
  // The parser accepts an alias with no anchor before it (`*nothing`); every consumer (kubectl
  // included) refuses such a document, so it is a syntax error here too.
  for (const [alias, target] of targets) {
    if (!target) return { message: `YAML syntax error: alias *${(alias as Alias).source} refers to no anchor before it`, severity: 'error', at: alias };
  }
  const memo = new Map<Node, number>();
  const size = (n: unknown, depth: number): number => {
    if (n === null || n === undefined || depth > 64) return 1;
    if (isAlias(n)) return size(targets.get(n), depth + 1);
    const cached = memo.get(n as Node);
    if (cached !== undefined) return cached;
    let total = 1;
    if (isCollection(n)) {
      memo.set(n as Node, 1); // guards self-reference
      for (const it of n.items) {
        total += isPair(it) ? size(it.key, depth + 1) + size(it.value, depth + 1) : size(it, depth + 1);
        if (total > MAX_EXPANDED_NODES) break;
      }
    }
    memo.set(n as Node, total);
    return total;
  };
  const total = size(doc.contents, 0);
  return total > MAX_EXPANDED_NODES
    ? refused(`YAML aliases would expand to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} nodes (an alias bomb?); document skipped`)
    : undefined;
}

/**
 * A predicate telling whether an offset lies inside the text of a scalar (keys and values, block
 * scalars included) of any document. Built on first use: only files with directives need it.
 */
export function scalarOffsets(file: YamlFile): (offset: number) => boolean {
  let spans: Array<[number, number]> | undefined;
  const build = () => {
    const out: Array<[number, number]> = [];
    for (const d of file.docs) {
      visit(d.doc, { Scalar(_k, n) { if (n.range) out.push([n.range[0], n.range[1]]); } });
    }
    return out.sort((a, b) => a[0] - b[0]);
  };
  return (offset) => {
    spans ??= build();
    // Scalars do not overlap: the last one starting at or before the offset is the only candidate.
    let lo = 0, hi = spans.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid][0] <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found >= 0 && offset < spans[found][1];
  };
}
