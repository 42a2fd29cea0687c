// Shared readers for the network-exposure rules: Service and Ingress kinds, Service types, IP ranges, policy engines.
import { getIn, str, type K8sObject } from '../../../server/src/engine/api';

/** `spec.type` of a Service as written; 'ClusterIP' when absent; undefined when not a plain value. */
export function serviceType(o: K8sObject): string | undefined {
  const node = getIn(o.root, ['spec', 'type'], o.doc);
  if (node === undefined) return 'ClusterIP';
  return str(node, o.doc);
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

/** A core Service (`v1`), not a Knative or other custom kind that shares the name. */
export function isCoreService(o: K8sObject): boolean {
  return o.kind === 'Service' && o.apiVersion === 'v1';
}

/** A Kubernetes Ingress (networking.k8s.io or the old extensions group), not a custom kind that shares the name. */
export function isKubernetesIngress(o: K8sObject): boolean {
  return o.kind === 'Ingress' && (o.group === 'networking.k8s.io' || o.group === 'extensions');
}
