// Flags multi-replica Deployments and StatefulSets whose pods have no anti-affinity or topology spread constraints.
import { asMap, asSeq, defineRule, getNode, hasKey, mapEntries, matchLabelSelector, seqItems, type YNode } from '../../../server/src/engine/api';
import { autoscalersOf, minAutoscaledReplicas } from '../_lib/autoscalers';
import { field, insertionTarget, type AnyCtx } from '../_lib/fields';
import { objectLabel } from '../_lib/names';
import { podLabels, selectorMatchLabels } from '../_lib/pods';
import { replicasOf } from '../_lib/replicas';

/** How many replicas the workload runs at least, when known. */
function minimumReplicas(ctx: AnyCtx): number | undefined {
  const scalers = autoscalersOf(ctx);
  if (scalers.unknown) return undefined;
  if (scalers.matches.length > 0) return minAutoscaledReplicas(scalers.matches);
  const r = replicasOf(ctx.object);
  return r.state === 'value' ? r.value : undefined;
}

/**
 * How the pod spec spreads the workload's own pods: 'none' when it sets neither podAntiAffinity
 * nor topologySpreadConstraints, 'elsewhere' when every term it sets selects none of the
 * workload's own pods (so nothing keeps its replicas apart), 'some' when a term selects them or
 * anything cannot be read.
 */
function spreading(ctx: AnyCtx): 'none' | 'elsewhere' | 'some' {
  const obj = ctx.object;
  const spec = obj.pod!.spec;
  const labels = podLabels(obj);
  const selectors: Array<YNode | undefined> = [];
  const aff = field(spec, 'affinity', ctx.doc);
  if (aff.state === 'unknown') return 'some';
  if (aff.state === 'value') {
    const anti = field(asMap(aff.node, ctx.doc), 'podAntiAffinity', ctx.doc);
    if (anti.state === 'unknown') return 'some';
    if (anti.state === 'value') {
      const antiMap = asMap(anti.node, ctx.doc);
      if (!antiMap) return 'some';
      for (const [key, value] of mapEntries(antiMap, ctx.doc)) {
        if (key !== 'requiredDuringSchedulingIgnoredDuringExecution' && key !== 'preferredDuringSchedulingIgnoredDuringExecution') return 'some';
        const terms = asSeq(value, ctx.doc);
        if (!terms) return 'some';
        for (const t of seqItems(terms, ctx.doc)) {
          const term = key.startsWith('preferred') ? asMap(getNode(asMap(t, ctx.doc), 'podAffinityTerm', ctx.doc), ctx.doc) : asMap(t, ctx.doc);
          if (!term || hasKey(term, 'matchLabelKeys') || hasKey(term, 'namespaceSelector')) return 'some';
          selectors.push(getNode(term, 'labelSelector', ctx.doc));
        }
      }
    }
  }
  const tsc = field(spec, 'topologySpreadConstraints', ctx.doc);
  if (tsc.state === 'unknown') return 'some';
  if (tsc.state === 'value') {
    const seq = asSeq(tsc.node, ctx.doc);
    if (!seq) return 'some';
    for (const c of seqItems(seq, ctx.doc)) {
      const constraint = asMap(c, ctx.doc);
      if (!constraint || hasKey(constraint, 'matchLabelKeys')) return 'some';
      selectors.push(getNode(constraint, 'labelSelector', ctx.doc));
    }
  }
  if (selectors.length === 0) return 'none';
  if (!labels) return 'some';
  // A term without a labelSelector selects no pods; one that may select the workload's own pods spreads them.
  return selectors.some((sel) => sel !== undefined && matchLabelSelector(sel, labels, ctx.doc) !== false) ? 'some' : 'elsewhere';
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
    '`topologySpreadConstraints` in the pod spec whose label selector selects the workload\'s own pods (a term that ' +
    'selects other pods, or none, does not keep these replicas apart). The fix adds a preferred anti-affinity on `kubernetes.io/hostname` that ' +
    'selects the workload\'s own pods; preferred rather than required, so pods still schedule when there are fewer nodes ' +
    'than replicas.',
  remediation: 'Add a `podAntiAffinity` (or `topologySpreadConstraints`) on `kubernetes.io/hostname` that selects the workload\'s own pods.',
  check(ctx) {
    const obj = ctx.object;
    if (!obj.pod) return;
    const n = minimumReplicas(ctx);
    if (n === undefined || n < 2) return;
    const spread = spreading(ctx);
    if (spread === 'some') return;
    ctx.report({
      node: obj.anchor,
      message: spread === 'none'
        ? `${objectLabel(obj)} runs ${n} replicas with no pod anti-affinity or topology spread, so they may all land on one node.`
        : `${objectLabel(obj)} runs ${n} replicas, but its pod anti-affinity and topology spread select none of its own pods, so they may all land on one node.`,
      // Existing terms are the author's: only a spec without any gets the generated one.
      fix: spread === 'none' ? antiAffinityFix(ctx) : undefined,
    });
  },
});

function antiAffinityFix(ctx: AnyCtx) {
  const obj = ctx.object;
  const spec = obj.pod!.spec;
  const labels = selectorMatchLabels(obj);
  const target = insertionTarget(spec, ['affinity'], ctx.doc);
  if (!labels || !target) return undefined;
  // Kubernetes would read some plain strings back as booleans or numbers: no fix rather than a selector it rejects.
  const value = {
    preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: labels } } },
    ],
  };
  return ctx.fix('Prefer one replica per node (pod anti-affinity)', false, ctx.edit.setIn(spec, ['affinity', 'podAntiAffinity'], value));
}
