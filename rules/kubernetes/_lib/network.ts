// Shared readers for the network-exposure rules: exact label maps, pod-producing objects, Service types and IP ranges.
import { asMap, asSeq, deref, getIn, getNode, getPair, mapEntries, seqItems, str, type K8sContext, type K8sObject, type YMap } from '../../../server/src/engine/api';

export type YDoc = K8sContext<object>['doc'];
export type YNode = NonNullable<ReturnType<typeof getIn>>;

/**
 * A label map whose every value is a plain scalar; undefined when the node is not a map or holds
 * anything the tool cannot read exactly (aliases to collections, nested maps, null values).
 */
export function exactStringMap(node: unknown, doc: YDoc): Record<string, string> | undefined {
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

/** The pod template labels of an object, or undefined when it has none or they cannot be read exactly. */
export function podLabels(o: K8sObject): Record<string, string> | undefined {
  const holder = podTemplateHolder(o);
  if (!holder) return undefined;
  const meta = getNode(holder, 'metadata', o.doc);
  if (meta === undefined) return {};
  const metaMap = asMap(meta, o.doc);
  if (!metaMap) return undefined;
  const labels = getNode(metaMap, 'labels', o.doc);
  if (labels === undefined) return {};
  return exactStringMap(labels, o.doc);
}

/**
 * The map holding a pod template's `metadata` and `spec`: built-in workloads through the model,
 * other kinds (Argo Rollouts, OpenKruise, ...) when they carry a `spec.template` with a pod spec.
 */
export function podTemplateHolder(o: K8sObject): ReturnType<typeof asMap> {
  if (o.isWorkload) return o.pod?.map;
  const template = asMap(getIn(o.root, ['spec', 'template'], o.doc), o.doc);
  if (!template) return undefined;
  const spec = asMap(getNode(template, 'spec', o.doc), o.doc);
  if (!spec || !asSeq(getNode(spec, 'containers', o.doc), o.doc)) return undefined;
  return template;
}

/** True when the object defines pods (a built-in workload or a custom kind with a pod template). */
export function definesPods(o: K8sObject): boolean {
  return podTemplateHolder(o) !== undefined;
}

/** `spec.type` of a Service as written; 'ClusterIP' when absent; undefined when not a plain value. */
export function serviceType(o: K8sObject): string | undefined {
  const node = getIn(o.root, ['spec', 'type'], o.doc);
  if (node === undefined) return 'ClusterIP';
  return str(node, o.doc);
}

/** Plain string items of a sequence; undefined when the node is not a sequence or an item is not a plain scalar. */
export function exactStrings(node: unknown, doc: YDoc): string[] | undefined {
  if (!asSeq(node, doc)) return undefined;
  const out: string[] = [];
  for (const item of seqItems(node, doc)) {
    const s = str(item, doc);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}

/** Whether an IPv4 or IPv6 address (or the address part of a CIDR) is in a private, loopback or link-local range. */
export function isPrivateAddress(text: string): boolean | undefined {
  const addr = text.trim().split('/')[0];
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(addr);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    if ([a, b, Number(v4[3]), Number(v4[4])].some((n) => n > 255)) return undefined;
    return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  if (addr.includes(':')) {
    const lower = addr.toLowerCase();
    return lower === '::1' || /^f[cd][0-9a-f]{2}:/.test(lower) || /^fe[89ab][0-9a-f]:/.test(lower);
  }
  return undefined;
}

/** A CIDR that admits every address (`0.0.0.0/0`, `::/0`). */
export function isOpenCidr(text: string): boolean {
  const t = text.trim();
  return t === '0.0.0.0/0' || t === '::/0' || t === '0::0/0';
}

/** `key=value` pairs for messages, in written order. */
export function formatLabels(labels: Record<string, string>): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ');
}

/** Kinds of other network-policy engines; their presence makes coverage by plain NetworkPolicies unknown. */
export const OTHER_POLICY_KINDS = [
  'CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy', 'GlobalNetworkPolicy', 'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy', 'StagedNetworkPolicy', 'StagedGlobalNetworkPolicy',
] as const;

/** Kinds among OTHER_POLICY_KINDS that apply to every namespace. */
export const CLUSTER_WIDE_POLICY_KINDS = new Set(['CiliumClusterwideNetworkPolicy', 'GlobalNetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy', 'StagedGlobalNetworkPolicy']);

/** Pod labels that controllers set at run time (never written in a pod template). */
export const CONTROLLER_POD_LABELS = new Set([
  'statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index', 'controller-revision-hash', 'pod-template-hash',
  'pod-template-generation', 'job-name', 'controller-uid', 'batch.kubernetes.io/job-name', 'batch.kubernetes.io/controller-uid',
  'batch.kubernetes.io/job-completion-index',
]);

/** An object of a custom resource kind (its API group is neither core nor `*.k8s.io`). */
export function isCustomResource(o: K8sObject): boolean {
  return o.group.includes('.') && !o.group.endsWith('.k8s.io');
}

/** Whether two files are in the same folder tree (one's folder contains the other's). */
export function sameFolderTree(uriA: string, uriB: string): boolean {
  const dir = (u: string) => u.slice(0, u.lastIndexOf('/') + 1);
  const a = dir(uriA), b = dir(uriB);
  return a.startsWith(b) || b.startsWith(a);
}

export type Edit = ReturnType<K8sContext<object>['edit']['setScalar']>;

/**
 * Removes `key` from a block map when the map keeps another entry: an emptied port item or annotations
 * map would be left behind as `{}`. Flow maps get no edit (the editor removes pairs from block maps only).
 */
export function removePairCleanly(edit: K8sContext<object>['edit'], map: YMap | undefined, key: string): Edit | undefined {
  if (!map || map.items.length < 2) return undefined;
  return edit.removePair(map, key);
}

/** Fixes render YAML; a JSON manifest would stop being JSON, so they are not offered there. */
export function canEditAsYaml(o: K8sObject): boolean {
  return !/\.json$/i.test(o.uri);
}

/** The node written as `key`'s value in this map, alias included (undefined when absent or empty). */
export function writtenValue(map: YMap | undefined, key: string): YNode | undefined {
  const v = getPair(map, key)?.value as YNode | null | undefined;
  return v && typeof v === 'object' && 'range' in v && v.range ? v : undefined;
}

/** True when editing the node changes this place only: it is not an alias and carries no anchor others may use. */
export function editableHere(node: unknown, doc: YDoc): boolean {
  return !!node && deref(node, doc) === node && !(node as { anchor?: string }).anchor;
}

/** A core Service (`v1`), not a Knative or other custom kind that shares the name. */
export function isCoreService(o: K8sObject): boolean {
  return o.kind === 'Service' && o.apiVersion === 'v1';
}

/** A Kubernetes Ingress (networking.k8s.io or the old extensions group), not a custom kind that shares the name. */
export function isKubernetesIngress(o: K8sObject): boolean {
  return o.kind === 'Ingress' && (o.group === 'networking.k8s.io' || o.group === 'extensions');
}
