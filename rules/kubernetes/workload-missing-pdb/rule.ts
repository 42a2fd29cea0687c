// Flags replicated or autoscaled Deployments and StatefulSets that no PodDisruptionBudget of the workspace covers.
import { defineRule, K8sWorkspaceView } from '../../../server/src/engine/api';
import { autoscalersOf } from '../_lib/autoscalers';
import { pdbSelects } from '../_lib/budgets';
import { type AnyCtx } from '../_lib/fields';
import { objectLabel } from '../_lib/names';
import { selectorMatchLabels } from '../_lib/pods';
import { replicasOf } from '../_lib/replicas';

/** policy/v1 is served from Kubernetes 1.21; older clusters only know policy/v1beta1. */
function pdbApiVersion(version: string): string {
  const m = /^(\d+)\.(\d+)/.exec(version);
  return m && (Number(m[1]) > 1 || Number(m[2]) >= 21) ? 'policy/v1' : 'policy/v1beta1';
}

export default defineRule({
  id: 'k8s/workload-missing-pdb',
  title: 'Replicated workloads have a PodDisruptionBudget',
  theme: 'resilience',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  workspace: true,
  appliesTo: { kinds: ['Deployment', 'StatefulSet'] },
  aliases: ['kube-score:deployment-has-poddisruptionbudget', 'kube-score:statefulset-has-poddisruptionbudget', 'polaris:missingPodDisruptionBudget'],
  rationale:
    'Node drains (cluster upgrades, autoscaler scale-down, maintenance) evict pods through the eviction API, which ' +
    'respects PodDisruptionBudgets. Without one, a drain may evict every replica of a service at the same time, and running ' +
    'several replicas buys no availability during maintenance.\n\n' +
    'The rule applies to Deployments and StatefulSets with an explicit `replicas` of 2 or more, or scaled by an ' +
    'autoscaler of the workspace, and looks for a PodDisruptionBudget of the workspace, in a namespace they may share, whose ' +
    'selector matches the pod labels. A budget whose selector cannot be evaluated counts as a match. The fix adds a budget ' +
    'with `maxUnavailable: 1` that uses the workload\'s own selector; adding an object is a decision, so it is not applied ' +
    'by fix-all.',
  remediation: 'Add a PodDisruptionBudget selecting the workload\'s pods, usually with `maxUnavailable: 1`.',
  check(ctx) {
    const obj = ctx.object;
    const r = replicasOf(obj);
    if (r.state === 'unknown') return;
    const scalers = autoscalersOf(ctx);
    const autoscaled = scalers.matches.length > 0;
    if (!autoscaled && !(r.state === 'value' && r.value >= 2)) return;
    for (const pdb of ctx.workspace.ofKind('PodDisruptionBudget')) {
      if (pdbSelects(pdb, obj) !== false) return;
    }
    const what = autoscaled ? 'is autoscaled' : `runs ${(r as { value: number }).value} replicas`;
    ctx.report({
      node: obj.anchor,
      message: `${objectLabel(obj)} ${what} but no PodDisruptionBudget covers its pods, so a node drain may evict them all at once.`,
      fix: pdbFix(ctx),
    });
  },
});

function pdbFix(ctx: AnyCtx) {
  const obj = ctx.object;
  if (obj.root !== obj.yamlDoc.doc.contents || obj.name === undefined) return undefined;
  const labels = selectorMatchLabels(obj);
  if (!labels) return undefined;
  const taken = (n: string) => ctx.workspace.ofKind('PodDisruptionBudget').some((p) => p.name === n && K8sWorkspaceView.mayShareNamespace(p, obj));
  const name = [obj.name, `${obj.name}-pdb`].find((n) => !taken(n));
  if (!name) return undefined;
  // Kubernetes would read some plain strings back as booleans or numbers: no fix rather than a budget it rejects.
  // The editor renders the object in the file's indentation and quotes what needs it (a label value `0x1F` stays a string).
  const pdb = {
    apiVersion: pdbApiVersion(ctx.settings.kubernetesVersion),
    kind: 'PodDisruptionBudget',
    metadata: obj.namespace !== undefined ? { name, namespace: obj.namespace } : { name },
    spec: { maxUnavailable: 1, selector: { matchLabels: labels } },
  };
  return ctx.fix('Add a PodDisruptionBudget with maxUnavailable: 1', false, ctx.edit.appendDocument(obj.yamlDoc.end, pdb));
}
