// Flags Services whose selector matches the pods of no workload in the workspace (a dangling Service).
import { asMap, defineRule, getIn, getNode, getPair, K8sWorkspaceView, matchPlainSelector, type K8sObject } from '../../../server/src/engine/api';
import { exactStringMap } from '../_lib/fields';
import { objectLabel } from '../_lib/names';
import { CONTROLLER_POD_LABELS, formatLabels, isCoreService, isCustomResource, sameFolderTree, serviceType } from '../_lib/network';
import { definesPods, podLabels } from '../_lib/pods';

/** Edit distance, bounded: returns max + 1 as soon as it is exceeded. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...cur) > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

function similar(a: string, b: string): boolean {
  const x = a.toLowerCase(), y = b.toLowerCase();
  return x === y || distance(x, y, 2) <= 2 || x.startsWith(`${y}-`) || y.startsWith(`${x}-`) || x.endsWith(`-${y}`) || y.endsWith(`-${x}`);
}

/**
 * Labels that look like the selector with a slip: each selected label is present with the same or a similar value,
 * or its value is carried under another key (a label renamed on one side only).
 */
function looksLikeSlip(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const values = Object.values(labels);
  return Object.entries(selector).every(([k, v]) => (k in labels && similar(v, labels[k])) || values.includes(v));
}

/** `web` and `web`, `web-svc` and `web`, `api` and `api-server`: names that suggest the Service fronts the workload. */
function namesGoTogether(service: string | undefined, workload: string | undefined): boolean {
  if (!service || !workload) return false;
  const base = (n: string) => n.toLowerCase().replace(/-(svc|service|headless|internal|external|public|private|lb|http|grpc)$/, '');
  const a = base(service), b = base(workload);
  return a === b || a.startsWith(`${b}-`) || b.startsWith(`${a}-`);
}

/**
 * Whether a custom resource may be what creates the selected pods: operators (Prometheus, Alertmanager, databases)
 * label their pods after the resource, which manifests usually mirror in the resource's own labels.
 */
function mayOwnPods(cr: K8sObject, selector: Record<string, string>): boolean {
  if (matchPlainSelector(selector, cr.labels)) return true;
  const podMeta = exactStringMap(getIn(cr.root, ['spec', 'podMetadata', 'labels'], cr.doc), cr.doc);
  if (podMeta && matchPlainSelector(selector, podMeta)) return true;
  if (asMap(getIn(cr.root, ['spec', 'podMetadata'], cr.doc), cr.doc) && !podMeta) return true;
  return Object.entries(selector).some(([k, v]) => v === cr.name && (k === cr.kind.toLowerCase() || k.endsWith(`/${cr.kind.toLowerCase()}`)));
}

export default defineRule({
  id: 'k8s/service-selects-nothing',
  title: 'Service selectors match the pods of a workload',
  theme: 'network-exposure',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: false,
  workspace: true,
  appliesTo: { kinds: ['Service'] },
  aliases: ['kube-linter:dangling-service', 'kube-score:service-targets-pod', 'kics:3ca03a61-3249-4c16-8427-6f8e47dda729'],
  rationale:
    'A Service routes to the pods whose labels match every key of its selector. When no pod matches, the Service has no endpoints: ' +
    'clients get connection errors, and the cause (usually a typo in a label or a label renamed on one side only) is easy to miss ' +
    'because both objects apply without error.\n\n' +
    'The rule compares the selector with the pod template labels of the workloads of the workspace (Deployments, StatefulSets, ' +
    'DaemonSets, Jobs, Pods and custom kinds with a pod template, such as Argo Rollouts) in a namespace the Service may share. ' +
    'Services without a selector (manually managed endpoints, ExternalName) are not checked. A finding needs evidence that the ' +
    'Service meant pods of the workspace: a workload in the same folder tree and a namespace the Service may share whose labels look ' +
    'like the selector with a slip (a similar value, or the value under another key) or whose name goes with the Service\'s ' +
    '(`web` and `web-svc`); the message names it. Nothing is reported without such a ' +
    'workload (the pods are probably deployed from elsewhere), when a custom ' +
    'resource labelled like the selector may have an operator create the pods, or when labels cannot be read exactly. Labels that ' +
    'controllers add at run time (`statefulset.kubernetes.io/pod-name`, `pod-template-hash`, ...) count as matching.',
  remediation: 'Make the Service selector match the pod template labels of the workload it fronts.',
  check(ctx) {
    const svc = ctx.object;
    const spec = svc.spec;
    if (!spec || !isCoreService(svc)) return;
    const type = serviceType(svc);
    if (type === undefined || type === 'ExternalName') return;
    const pair = getPair(spec, 'selector');
    const selector = exactStringMap(getNode(spec, 'selector', ctx.doc), ctx.doc);
    if (!pair || !selector || Object.keys(selector).length === 0) return;
    // Labels that controllers add at run time match by construction.
    const written = Object.fromEntries(Object.entries(selector).filter(([k]) => !CONTROLLER_POD_LABELS.has(k)));
    if (Object.keys(written).length === 0) return;
    // Evidence that the Service meant pods of this workspace: a near miss, a workload in the same folder tree whose
    // labels look like the selector with a slip, or whose name goes with the Service's name.
    let nearMiss: { o: K8sObject; labels: Record<string, string> } | undefined;
    for (const o of ctx.workspace.objects) {
      if (o === svc || !K8sWorkspaceView.mayShareNamespace(svc, o)) continue;
      if (definesPods(o)) {
        const labels = podLabels(o);
        if (!labels || matchPlainSelector(written, labels)) return;
        if (!nearMiss && sameFolderTree(svc.uri, o.uri) && (looksLikeSlip(written, labels) || namesGoTogether(svc.name, o.name))) nearMiss = { o, labels };
      } else if (isCustomResource(o) && mayOwnPods(o, written)) return;
    }
    if (!nearMiss) return;
    const theirs = Object.fromEntries(Object.entries(nearMiss.labels).filter(([k]) => k in written));
    const shown = Object.keys(theirs).length > 0 ? theirs : nearMiss.labels;
    const hint = Object.keys(shown).length > 0 ? `has ${formatLabels(shown)}` : 'has no pod labels';
    ctx.report({
      node: pair,
      message: `${objectLabel(svc)} selects pods labelled ${formatLabels(selector)}, which no workload in the workspace has (${objectLabel(nearMiss.o)} ${hint}).`,
    });
  },
});
