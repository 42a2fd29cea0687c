// Label selector evaluation (matchLabels, matchExpressions and plain maps) with an explicit unknown.
import type { Document, Node } from 'yaml';
import { asMap, getNode, mapEntries, seqItems, str, stringMap } from '../../parse/yamlNodes';

/** true / false when decidable, undefined when the selector cannot be evaluated. */
export type Tri = boolean | undefined;

/** A selector written as a plain label map (Service, ReplicationController). */
export function matchPlainSelector(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const keys = Object.keys(selector);
  if (keys.length === 0) return false;
  return keys.every((k) => labels[k] === selector[k]);
}

/** A LabelSelector (matchLabels + matchExpressions). An empty selector matches everything. */
export function matchLabelSelector(node: Node | undefined, labels: Record<string, string>, doc?: Document): Tri {
  const map = asMap(node, doc);
  if (!map) return undefined;
  // Every matchLabels value must be readable: dropping one would turn "unknown" into "matches".
  const matchLabelsNode = getNode(map, 'matchLabels', doc);
  const entries = mapEntries(matchLabelsNode, doc);
  const matchLabels = stringMap(matchLabelsNode, doc);
  if (Object.keys(matchLabels).length !== entries.length) return undefined;
  for (const [k, v] of Object.entries(matchLabels)) if (labels[k] !== v) return false;
  for (const expr of seqItems(getNode(map, 'matchExpressions', doc), doc)) {
    const e = asMap(expr, doc);
    const key = str(getNode(e, 'key', doc), doc);
    const op = str(getNode(e, 'operator', doc), doc);
    const values = seqItems(getNode(e, 'values', doc), doc).map((v) => str(v, doc));
    if (!key || !op || values.some((v) => v === undefined)) return undefined;
    const has = key in labels;
    switch (op) {
      case 'In': if (!has || !values.includes(labels[key])) return false; break;
      case 'NotIn': if (has && values.includes(labels[key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return undefined;
    }
  }
  return true;
}

/** True when the selector node is present but selects every pod (`{}`). */
export function isEmptySelector(node: Node | undefined, doc?: Document): boolean {
  const map = asMap(node, doc);
  return !!map && mapEntries(map, doc).length === 0;
}
