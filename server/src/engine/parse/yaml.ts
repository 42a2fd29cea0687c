// Parses a YAML stream into documents with exact offsets, bounded against alias bombs and deep nesting.
import { isAlias, isCollection, isPair, LineCounter, parseAllDocuments, visit } from 'yaml';
import type { Document, Node } from 'yaml';
import { LineIndex } from '../text/lineIndex';
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

const TEMPLATE_HINT = /\{\{-?\s*(\.Values|\.Release|\.Chart|\.Capabilities|include\s|template\s|toYaml|range\s|if\s|end\s*-?\}\}|with\s|define\s)/;
const TEMPLATE_LINE = /^\s*\{\{/m;

export function looksLikeTemplate(text: string): boolean {
  return TEMPLATE_LINE.test(text) || TEMPLATE_HINT.test(text);
}

export function parseYaml(uri: string, text: string): YamlFile {
  const lines = new LineIndex(text);
  const file: YamlFile = { uri, text, lines, docs: [], errors: [], template: false };
  if (looksLikeTemplate(text)) {
    file.template = true;
    return file;
  }
  let parsed: Document.Parsed[];
  try {
    parsed = parseAllDocuments(text, { keepSourceTokens: true, lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false }) as Document.Parsed[];
    if (!Array.isArray(parsed)) parsed = [];
  } catch (e) {
    file.errors.push({ uri, severity: 'error', message: e instanceof RangeError ? 'YAML nesting is too deep to analyse; file skipped' : `YAML could not be parsed: ${(e as Error).message}` });
    return file;
  }
  parsed.forEach((doc, index) => {
    const [start, , end] = doc.range;
    const entry: YamlDocument = { index, doc, start, end, usable: true };
    for (const err of doc.errors) {
      const [s, e] = err.pos;
      const duplicate = err.code === 'DUPLICATE_KEY';
      file.errors.push({
        uri, severity: duplicate ? 'warning' : 'error',
        message: duplicate ? `${firstLine(err.message)} (most tools keep the last value)` : `YAML syntax error: ${firstLine(err.message)}`,
        range: lines.range(s, Math.max(e, s + 1)),
      });
      if (!duplicate) entry.usable = false;
    }
    if (entry.usable) {
      const problem = checkShape(doc);
      if (problem) {
        entry.usable = false;
        file.errors.push({ uri, severity: 'warning', message: problem, range: lines.range(start, Math.min(end, lines.lineEnd(lines.position(start).line))) });
      }
    }
    file.docs.push(entry);
  });
  return file;
}

function firstLine(s: string): string { return s.split('\n')[0]; }

/** Depth and alias-expansion bounds, computed without expanding anything. */
function checkShape(doc: Document.Parsed): string | undefined {
  let hasAlias = false;
  let tooDeep = false;
  try {
    visit(doc, {
      Alias() { hasAlias = true; },
      Node(_k, _n, path) { if (path.length > MAX_DEPTH * 2) { tooDeep = true; return visit.BREAK; } return undefined; },
    });
  } catch {
    return `YAML nesting exceeds ${MAX_DEPTH} levels; document skipped`;
  }
  if (tooDeep) return `YAML nesting exceeds ${MAX_DEPTH} levels; document skipped`;
  if (!hasAlias) return undefined;
  const memo = new Map<Node, number>();
  const size = (n: unknown, depth: number): number => {
    if (n === null || n === undefined || depth > 64) return 1;
    if (isAlias(n)) return size(n.resolve(doc), depth + 1);
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
    ? `YAML aliases would expand to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} nodes (an alias bomb?); document skipped`
    : undefined;
}
