// Shared readers for RBAC rules: the rules of a Role or ClusterRole as known string lists with their nodes.
import { asMap, asSeq, getNode, getPair, isNullish, seqItems, str, type K8sObject, type YMap, type YNode } from '../../../server/src/engine/api';

type Doc = K8sObject['doc'];

/** One string of a list (`verbs`, `resources`, ...) with the node it was read from. */
export interface ListItem { value: string; node: YNode }

/** A policy rule of a Role or ClusterRole; lists hold only the items the reader could read as strings. */
export interface PolicyRule {
  map: YMap;
  /** Position of the rule in `rules`, counted from 1 for messages. */
  number: number;
  apiGroups: ListItem[];
  resources: ListItem[];
  verbs: ListItem[];
  /** True when `resourceNames` lists at least one name: the rule applies to those objects only. */
  scopedByName: boolean;
  /** True when `resourceNames` is present but could not be read (not a list, aliases to something else). */
  resourceNamesUnknown: boolean;
}

function readList(map: YMap, key: string, doc: Doc): ListItem[] {
  const out: ListItem[] = [];
  for (const item of seqItems(getNode(map, key, doc), doc)) {
    const value = str(item, doc);
    if (value !== undefined) out.push({ value, node: item });
  }
  return out;
}

/** The rules of a Role or ClusterRole; items that are not maps are skipped. */
export function policyRules(root: YMap, doc: Doc): PolicyRule[] {
  const out: PolicyRule[] = [];
  seqItems(getNode(root, 'rules', doc), doc).forEach((item, index) => {
    const map = asMap(item, doc);
    if (!map) return;
    const namesPair = getPair(map, 'resourceNames');
    const namesNode = getNode(map, 'resourceNames', doc);
    const names = readList(map, 'resourceNames', doc);
    out.push({
      map,
      number: index + 1,
      apiGroups: readList(map, 'apiGroups', doc),
      resources: readList(map, 'resources', doc),
      verbs: readList(map, 'verbs', doc),
      scopedByName: names.length > 0 || seqItems(namesNode, doc).length > 0,
      resourceNamesUnknown: namesPair !== undefined && !isNullish(namesNode) && !asSeq(namesNode, doc),
    });
  });
  return out;
}

/** True when the rule applies to every object of its resources: no `resourceNames`, or an empty list. */
export function unscoped(rule: PolicyRule): boolean {
  return !rule.scopedByName && !rule.resourceNamesUnknown;
}

/** True when the rule's apiGroups cover the core group (`""`) or all groups (`*`). */
export function coversCoreGroup(rule: PolicyRule): boolean {
  return rule.apiGroups.some((g) => g.value === '' || g.value === '*');
}

/** The first item whose value is in `values`, in source order. */
export function firstOf(items: ListItem[], values: readonly string[]): ListItem | undefined {
  return items.find((i) => values.includes(i.value));
}

/**
 * Roles and bindings Kubernetes creates and reconciles itself: names under the reserved `system:` prefix, and the
 * bootstrap defaults labelled `kubernetes.io/bootstrapping: rbac-defaults` (cluster-admin, admin, edit, view, ...).
 */
export function isBuiltInRbac(object: { name?: string; labels: Record<string, string> }): boolean {
  return !!object.name?.startsWith('system:') || object.labels['kubernetes.io/bootstrapping'] === 'rbac-defaults';
}
