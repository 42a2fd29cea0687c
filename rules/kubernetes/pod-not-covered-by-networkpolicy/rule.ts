// Flags long-running workloads whose pods no NetworkPolicy of the workspace selects, so they take traffic from anywhere.
import { asMap, bool, defineRule, getIn, getNode, K8sWorkspaceView, LONG_RUNNING_KINDS, matchLabelSelector, yamlScalar, type K8sObject } from '../../../server/src/engine/api';
import { exactStringMap } from '../_lib/fields';
import { objectLabel } from '../_lib/names';
import { CLUSTER_WIDE_POLICY_KINDS, OTHER_POLICY_KINDS } from '../_lib/network';
import { podLabels } from '../_lib/pods';

/** Whether some policy of the workspace selects (or may select) the pods of `o` with these labels. */
function mayBeCovered(o: K8sObject, labels: Record<string, string>, ws: K8sWorkspaceView): boolean {
  for (const other of ws.ofKind(...OTHER_POLICY_KINDS)) {
    if (CLUSTER_WIDE_POLICY_KINDS.has(other.kind) || K8sWorkspaceView.mayShareNamespace(o, other)) return true;
  }
  for (const np of ws.ofKind('NetworkPolicy')) {
    if (!K8sWorkspaceView.mayShareNamespace(o, np)) continue;
    // Calico, Antrea and other engines reuse the kind name with their own selector syntax.
    if (np.group !== 'networking.k8s.io' && np.group !== 'extensions') return true;
    const spec = np.spec;
    const selector = getNode(spec, 'podSelector', np.doc);
    if (!spec || !selector) return true;
    if (matchLabelSelector(selector, labels, np.doc) !== false) return true;
  }
  return false;
}

/** The labels a generated policy selects on: the workload's own selector when it is a plain map, else the pod labels. */
function policyLabels(o: K8sObject, labels: Record<string, string>): Record<string, string> | undefined {
  const selector = getIn(o.root, ['spec', 'selector'], o.doc);
  let chosen: Record<string, string> | undefined;
  if (o.kind === 'ReplicationController') chosen = exactStringMap(selector, o.doc);
  else if (o.kind !== 'Pod') {
    const sel = asMap(selector, o.doc);
    if (sel && sel.items.length === 1) chosen = exactStringMap(getNode(sel, 'matchLabels', o.doc), o.doc);
  }
  if (chosen && Object.keys(chosen).length > 0 && Object.entries(chosen).every(([k, v]) => labels[k] === v)) return chosen;
  return Object.keys(labels).length > 0 ? labels : undefined;
}

/**
 * The policy as text, in the file's indentation: written out rather than rendered by the editor so that it
 * starts with a comment saying what it does. Scalars go through the engine's renderer, which quotes them.
 */
function defaultDenyPolicy(o: K8sObject, selectLabels: Record<string, string>, step: number, indentSeq: boolean): string {
  const pad = (n: number) => ' '.repeat(step * n);
  const seq = indentSeq ? pad(1) : '';
  const lines = [
    `# Denies all traffic to and from the pods of ${o.kind}/${o.name}: add ingress and egress rules for the traffic they need.`,
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    `${pad(1)}name: ${yamlScalar(`${o.name}-default-deny`)}`,
    ...(o.namespace !== undefined ? [`${pad(1)}namespace: ${yamlScalar(o.namespace)}`] : []),
    'spec:',
    `${pad(1)}podSelector:`,
    `${pad(2)}matchLabels:`,
    ...Object.entries(selectLabels).map(([k, v]) => `${pad(3)}${yamlScalar(k)}: ${yamlScalar(v)}`),
    `${pad(1)}policyTypes:`,
    `${pad(1)}${seq}- Ingress`,
    `${pad(1)}${seq}- Egress`,
  ];
  return lines.join('\n') + '\n';
}

export default defineRule({
  id: 'k8s/pod-not-covered-by-networkpolicy',
  title: 'Every workload\'s pods are selected by a NetworkPolicy',
  theme: 'network-exposure',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  workspace: true,
  appliesTo: { kinds: LONG_RUNNING_KINDS },
  aliases: ['kube-linter:non-isolated-pod', 'kube-score:pod-networkpolicy', 'polaris:missingNetworkPolicy'],
  rationale:
    'Kubernetes networking is open by default: a pod that no NetworkPolicy selects accepts connections from every pod in the cluster ' +
    'and may connect to any address. Once one policy selects a pod, only the traffic the policies allow gets through, so a compromised ' +
    'neighbour can no longer reach it and it can no longer reach everything else.\n\n' +
    'The rule looks for a NetworkPolicy in the workspace whose `podSelector` matches the pod labels, in a namespace the workload may share ' +
    '(an empty selector `{}` covers every pod of its namespace). Policies it cannot evaluate, policies of other engines (Cilium, Calico, ' +
    'AdminNetworkPolicy) and pods on the host network (which NetworkPolicies do not govern) are never reported. ' +
    'Jobs and CronJobs are left out: their pods run to completion and rarely accept connections.',
  remediation: 'Add a NetworkPolicy that selects the pods, starting from default deny and allowing only the traffic they need.',
  check(ctx) {
    const o = ctx.object;
    if (!o.pod) return;
    const hostNetwork = getNode(o.pod.spec, 'hostNetwork', ctx.doc);
    if (hostNetwork && bool(hostNetwork, ctx.doc) !== false) return;
    const labels = podLabels(o);
    if (!labels) return;
    if (mayBeCovered(o, labels, ctx.workspace)) return;
    let select = o.name !== undefined ? policyLabels(o, labels) : undefined;
    // Kubernetes would read some plain strings back as booleans or numbers: no fix rather than a policy it rejects.
    const { step, indentSeq } = ctx.edit.layout;
    const fix = select
      ? ctx.fix(`Add a default-deny NetworkPolicy for ${o.kind}/${o.name}`, false, ctx.edit.appendDocument(o.yamlDoc.end, defaultDenyPolicy(o, select, step, indentSeq)))
      : undefined;
    ctx.report({
      node: o.anchor,
      message: `${o.kind === 'Pod' ? objectLabel(o) : `The pods of ${objectLabel(o)}`} ${o.kind === 'Pod' ? 'is' : 'are'} selected by no NetworkPolicy, so ${o.kind === 'Pod' ? 'it accepts' : 'they accept'} traffic from any pod and may connect anywhere.`,
      fix,
    });
  },
});
