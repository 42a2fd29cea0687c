// Reading one key of a map without guessing, plain string maps and lists, and whether an edit at a node stays local.
import {
  asMap, asSeq, deref, getNode, getPair, isNullish, keyText, mapEntries, seqItems, str,
  type K8sContext, type K8sObject, type YMap, type YNode, type YPair,
} from '../../../server/src/engine/api';

/** The parsed document the readers take. */
export type Doc = K8sObject['doc'];
/** The context of any rule of this pack, whatever its options. */
export type AnyCtx = K8sContext<any>;
/** A text edit as the editor returns it. */
export type Edit = ReturnType<AnyCtx['edit']['setScalar']>;

/** How a key of a map reads: absent, present with an empty value, present with a value, or not decidable. */
export type Field =
  | { state: 'absent' }
  | { state: 'null'; pair: YPair }
  | { state: 'value'; pair: YPair; node: YNode }
  | { state: 'unknown' };

/** True when a map uses a YAML merge key (`<<`): Kubernetes' parser merges it, so keys may come from elsewhere. */
export function hasMergeKey(map: YMap | undefined): boolean {
  return !!map && map.items.some((it) => it && typeof it === 'object' && 'key' in it && keyText(it as YPair) === '<<');
}

/**
 * Reads `key` of a map, telling a missing key from an empty one (no value, `null`, `~`, or an alias
 * to such a value) and from one that cannot be known (no map, a merge key that may supply it, an
 * alias that leads nowhere). Unknown is never reported.
 */
export function field(map: YMap | undefined, key: string, doc: Doc): Field {
  if (!map) return { state: 'unknown' };
  const pair = getPair(map, key);
  if (!pair) return hasMergeKey(map) ? { state: 'unknown' } : { state: 'absent' };
  if (pair.value === null || pair.value === undefined || isNullish(pair.value)) return { state: 'null', pair };
  const node = getNode(map, key, doc);
  if (!node) return { state: 'unknown' };
  if (isNullish(node)) return { state: 'null', pair };
  return { state: 'value', pair, node };
}

/** The value of a pair as written here: an alias stays an alias, so findings point at this place. */
export function localValue(pair: YPair | undefined): YNode | undefined {
  return (pair?.value as YNode | null | undefined) ?? undefined;
}

/** The node written as `key`'s value in this map, alias included (undefined when the key is absent or has no value). */
export function writtenValue(map: YMap | undefined, key: string): YNode | undefined {
  return localValue(getPair(map, key));
}

/** True when a node carries an anchor: aliases elsewhere may share it, so editing it would change them too. */
export function isAnchored(node: unknown): boolean {
  return !!node && typeof node === 'object' && typeof (node as { anchor?: unknown }).anchor === 'string';
}

/** True when editing the node changes this place only: it is not an alias and carries no anchor. */
export function editableHere(node: unknown, doc: Doc): boolean {
  return !!node && deref(node, doc) === node && !isAnchored(node);
}

/**
 * The deepest existing map along `path` under `map`: where `setIn` will insert text. Undefined when
 * a map on the way is an alias or carries an anchor, since the edit would reach other places too.
 */
export function insertionTarget(map: YMap, path: readonly string[], doc: Doc): YMap | undefined {
  if (isAnchored(map)) return undefined;
  let cur = map;
  for (const key of path) {
    const pair = getPair(cur, key);
    if (!pair || pair.value === null || isNullish(pair.value)) return cur;
    if (!editableHere(pair.value, doc)) return undefined;
    const next = asMap(pair.value, doc);
    if (!next) return undefined;
    cur = next;
  }
  return cur;
}

/**
 * Whether a fix may insert a made-up value into this map with the PLACEHOLDER comment beside it: a
 * block map not shared through an anchor. Flow maps cannot carry the comment and JSON has no
 * comments, so a value there would look like a real one: such fixes are not offered.
 */
export function canMarkPlaceholder(ctx: AnyCtx, map: YMap | undefined): boolean {
  return !!map && !map.flow && !ctx.edit.json && !isAnchored(map);
}

/**
 * Removes `key` from a block map when the map keeps another entry: an emptied port item or annotations
 * map would be left behind as `{}`. Flow maps get no edit (the editor removes pairs from block maps only).
 */
export function removePairCleanly(edit: AnyCtx['edit'], map: YMap | undefined, key: string): Edit | undefined {
  if (!map || map.items.length < 2) return undefined;
  return edit.removePair(map, key);
}

/**
 * A map whose every value is a plain scalar, as strings; undefined when the node is not a map or holds
 * anything the tool cannot read exactly (a merge key, nested maps, booleans, null values).
 */
export function exactStringMap(node: unknown, doc: Doc): Record<string, string> | undefined {
  const map = asMap(node, doc);
  if (!map) return undefined;
  const entries = mapEntries(map, doc);
  if (entries.length !== map.items.length) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of entries) {
    const text = str(value, doc);
    if (text === undefined) return undefined;
    out[key] = text;
  }
  return out;
}

/** Plain string items of a sequence; undefined when the node is not a sequence or an item is not a plain scalar. */
export function exactStrings(node: unknown, doc: Doc): string[] | undefined {
  if (!asSeq(node, doc)) return undefined;
  const out: string[] = [];
  for (const item of seqItems(node, doc)) {
    const s = str(item, doc);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}
