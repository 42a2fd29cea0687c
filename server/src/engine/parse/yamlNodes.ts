// Small, alias-aware readers over the `yaml` AST; every reader returns undefined for what it cannot know.
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, visit } from 'yaml';
import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';

export type YNode = Node;
export type YMap = YAMLMap<unknown, unknown>;
export type YSeq = YAMLSeq<unknown>;
export type YPair = Pair<unknown, unknown>;

const targetsByDoc = new WeakMap<Document, Map<Node, Node | undefined>>();

/**
 * The node each alias of a document refers to: the last node anchored with its name before it.
 * Computed in one pass and cached per document, because Alias.resolve searches the whole
 * document on every call, which made documents with many aliases take quadratic time.
 */
export function aliasTargets(doc: Document): Map<Node, Node | undefined> {
  let targets = targetsByDoc.get(doc);
  if (targets) return targets;
  const found = new Map<Node, Node | undefined>();
  const anchors = new Map<string, Node>();
  visit(doc, {
    Alias(_k, n) { found.set(n, anchors.get(n.source)); },
    Node(_k, n) { if (n.anchor) anchors.set(n.anchor, n); },
  });
  targets = found;
  targetsByDoc.set(doc, targets);
  return targets;
}

/** Follows aliases (bounded), never expanding them. */
export function deref(node: unknown, doc: Document | undefined): Node | undefined {
  let n = node as Node | undefined;
  for (let i = 0; i < 8 && n && isAlias(n); i++) n = doc ? aliasTargets(doc).get(n) : undefined;
  return n && !isAlias(n) ? n : undefined;
}

export function asMap(node: unknown, doc?: Document): YMap | undefined {
  const n = deref(node, doc);
  return n && isMap(n) ? (n as YMap) : undefined;
}

export function asSeq(node: unknown, doc?: Document): YSeq | undefined {
  const n = deref(node, doc);
  return n && isSeq(n) ? (n as YSeq) : undefined;
}

export function keyText(pair: YPair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return k.value === null ? undefined : String(k.value);
  return undefined;
}

export function getPair(map: YMap | undefined, key: string): YPair | undefined {
  if (!map) return undefined;
  for (const item of map.items) if (isPair(item) && keyText(item as YPair) === key) return item as YPair;
  return undefined;
}

/** The value node under `key`; a key with an empty value yields a null Scalar, an absent key undefined. */
export function getNode(map: YMap | undefined, key: string, doc?: Document): Node | undefined {
  const p = getPair(map, key);
  if (!p) return undefined;
  if (p.value === null || p.value === undefined) return undefined;
  return deref(p.value, doc);
}

export function getIn(map: YMap | undefined, path: readonly string[], doc?: Document): Node | undefined {
  let cur: Node | undefined = map;
  for (const key of path) {
    const m = asMap(cur, doc);
    if (!m) return undefined;
    cur = getNode(m, key, doc);
  }
  return cur;
}

export function hasKey(map: YMap | undefined, key: string): boolean { return getPair(map, key) !== undefined; }

export function isNullish(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === undefined));
}

/** A scalar's value as text (strings and numbers); undefined for anything else. */
export function str(node: unknown, doc?: Document): string | undefined {
  const n = deref(node, doc);
  if (!n || !isScalar(n)) return undefined;
  const v = n.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(n.source ?? v);
  return undefined;
}

export function num(node: unknown, doc?: Document): number | undefined {
  const n = deref(node, doc);
  if (!n || !isScalar(n)) return undefined;
  if (typeof n.value === 'number') return n.value;
  return undefined;
}

const YAML11_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const YAML11_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);

/** Booleans, including YAML 1.1 plain words that Kubernetes' parser reads as booleans. */
export function bool(node: unknown, doc?: Document): boolean | undefined {
  const n = deref(node, doc);
  if (!n || !isScalar(n)) return undefined;
  if (typeof n.value === 'boolean') return n.value;
  if (typeof n.value === 'string' && n.type === Scalar.PLAIN) {
    if (YAML11_TRUE.has(n.value)) return true;
    if (YAML11_FALSE.has(n.value)) return false;
  }
  return undefined;
}

export function seqItems(node: unknown, doc?: Document): Node[] {
  const s = asSeq(node, doc);
  if (!s) return [];
  const out: Node[] = [];
  for (const it of s.items) {
    const n = deref(it, doc);
    if (n) out.push(n);
  }
  return out;
}

export function mapEntries(node: unknown, doc?: Document): Array<[string, Node | undefined, YPair]> {
  const m = asMap(node, doc);
  if (!m) return [];
  const out: Array<[string, Node | undefined, YPair]> = [];
  for (const it of m.items) {
    if (!isPair(it)) continue;
    const k = keyText(it as YPair);
    if (k !== undefined) out.push([k, deref((it as YPair).value, doc), it as YPair]);
  }
  return out;
}

/** A string → string view of a map (labels, annotations); non-scalar values are left out. */
export function stringMap(node: unknown, doc?: Document): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of mapEntries(node, doc)) {
    const s = str(v, doc) ?? (isScalar(v) && typeof v.value === 'boolean' ? String(v.value) : undefined);
    if (s !== undefined) out[k] = s;
  }
  return out;
}
