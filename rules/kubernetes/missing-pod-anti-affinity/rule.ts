// Flags multi-replica Deployments and StatefulSets whose pods have no anti-affinity or topology spread constraints.
import { asMap, asSeq, defineRule } from '../../../server/src/engine/api';
import {
  autoscalersOf, canInsertInto, field, insertionTarget, minAutoscaledReplicas, replicasOf, selectorMatchLabels, type AnyCtx,
} from '../_lib/workloads-resources';

/** How many replicas the workload runs at least, when known. */
function minimumReplicas(ctx: AnyCtx): number | undefined {
  const scalers = autoscalersOf(ctx);
  if (scalers.unknown) return undefined;
  if (scalers.matches.length > 0) return minAutoscaledReplicas(scalers.matches);
  const r = replicasOf(ctx.object);
  return r.state === 'value' ? r.value : undefined;
}

/** 'none' when the pod spec sets neither podAntiAffinity nor topologySpreadConstraints; 'some' when it does or it cannot be read. */
function spreading(ctx: AnyCtx): 'none' | 'some' {
  const spec = ctx.object.pod!.spec;
  const aff = field(spec, 'affinity', ctx.doc);
  if (aff.state === 'unknown') return 'some';
  if (aff.state === 'value') {
    const anti = field(asMap(aff.node, ctx.doc), 'podAntiAffinity', ctx.doc);
    if (anti.state !== 'absent' && anti.state !== 'null') return 'some';
  }
  const tsc = field(spec, 'topologySpreadConstraints', ctx.doc);
  if (tsc.state === 'unknown') return 'some';
  if (tsc.state === 'value') {
    const seq = asSeq(tsc.node, ctx.doc);
    if (!seq || seq.items.length > 0) return 'some';
  }
  return 'none';
}

export default defineRule({
  id: 'k8s/missing-pod-anti-affinity',
  title: 'Replicas are spread across nodes',
  theme: 'resilience',
  severity: 'info',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  workspace: true,
  appliesTo: { kinds: ['Deployment', 'StatefulSet'] },
  aliases: ['kube-linter:no-anti-affinity', 'kube-score:deployment-has-host-podantiaffinity', 'kube-score:statefulset-has-host-podantiaffinity'],
  rationale:
    'Replicas protect a service only if they fail independently. Nothing in a plain pod spec stops the scheduler from ' +
    'placing several replicas on the same node, and the scheduler\'s built-in default spreading is weak (it tolerates a ' +
    'skew of several pods per node), so one node failure or drain can still take out most of the service.\n\n' +
    'The rule applies to Deployments and StatefulSets that run at least two replicas (an explicit `replicas`, or the ' +
    '`minReplicas` of an autoscaler of the workspace) and asks for either a `podAntiAffinity` or ' +
    '`topologySpreadConstraints` in the pod spec. The fix adds a preferred anti-affinity on `kubernetes.io/hostname` that ' +
    'selects the workload\'s own pods; preferred rather than required, so pods still schedule when there are fewer nodes ' +
    'than replicas.',
  remediation: 'Add a `podAntiAffinity` (or `topologySpreadConstraints`) on `kubernetes.io/hostname` that selects the workload\'s own pods.',
  check(ctx) {
    const obj = ctx.object;
    if (!obj.pod) return;
    const n = minimumReplicas(ctx);
    if (n === undefined || n < 2) return;
    if (spreading(ctx) !== 'none') return;
    ctx.report({
      node: obj.anchor,
      message: `${obj.displayName} runs ${n} replicas with no pod anti-affinity or topology spread, so they may all land on one node.`,
      fix: antiAffinityFix(ctx),
    });
  },
});

function antiAffinityFix(ctx: AnyCtx) {
  const obj = ctx.object;
  const spec = obj.pod!.spec;
  const labels = selectorMatchLabels(obj);
  const target = insertionTarget(spec, ['affinity'], ctx.doc);
  if (!labels || !target || !canInsertInto(obj, target)) return undefined;
  const value = {
    preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: labels } } },
    ],
  };
  return ctx.fix('Prefer one replica per node (pod anti-affinity)', false, ctx.edit.setIn(spec, ['affinity', 'podAntiAffinity'], value));
}
