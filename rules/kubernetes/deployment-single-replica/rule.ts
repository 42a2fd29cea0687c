// Flags Deployments and StatefulSets that run one replica (explicitly, or by leaving replicas out) without an autoscaler.
import { asMap, asSeq, defineRule, getIn, getNode, K8sWorkspaceView, seqItems, str, type K8sObject } from '../../../server/src/engine/api';
import { autoscalersOf } from '../_lib/autoscalers';
import { editableHere, field, insertionTarget, localValue, type AnyCtx } from '../_lib/fields';
import { objectLabel } from '../_lib/names';
import { replicasOf } from '../_lib/replicas';

/**
 * True when the pods mount a claim that cannot be shared between nodes (or whose access mode is
 * unknown): such a workload is a singleton by construction, and a second replica would not start.
 */
function mountsUnsharedClaim(ctx: AnyCtx, obj: K8sObject): boolean {
  const spec = obj.pod?.spec;
  const volumes = field(spec, 'volumes', obj.doc);
  if (volumes.state === 'unknown') return true;
  if (volumes.state !== 'value') return false;
  if (!asSeq(volumes.node, obj.doc)) return true;
  for (const v of seqItems(volumes.node, obj.doc)) {
    const vm = asMap(v, obj.doc);
    if (!vm) return true;
    const pvc = getNode(vm, 'persistentVolumeClaim', obj.doc);
    if (!pvc) continue;
    const claim = str(getIn(asMap(pvc, obj.doc), ['claimName'], obj.doc), obj.doc);
    if (claim === undefined) return true;
    const defs = ctx.workspace.ofKind('PersistentVolumeClaim').filter((c) => c.name === claim && K8sWorkspaceView.mayShareNamespace(obj, c));
    const shared = defs.length > 0 && defs.every((c) => {
      const modes = seqItems(getIn(c.spec, ['accessModes'], c.doc), c.doc).map((m) => str(m, c.doc));
      return modes.includes('ReadWriteMany') || modes.includes('ReadOnlyMany');
    });
    if (!shared) return true;
  }
  return false;
}

export default defineRule({
  id: 'k8s/deployment-single-replica',
  title: 'Deployments and StatefulSets run more than one replica',
  theme: 'resilience',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  workspace: true,
  appliesTo: { kinds: ['Deployment', 'StatefulSet'] },
  aliases: ['kube-score:deployment-replicas', 'polaris:deploymentMissingReplicas', 'kube-linter:minimum-three-replicas'],
  rationale:
    'With a single replica, every crash, eviction, node drain or node failure is an outage until a new pod is scheduled, ' +
    'pulls its image and becomes ready. Two replicas (spread over nodes) keep the service up through all of these.\n\n' +
    'An absent `replicas` means one replica, and is reported too unless an autoscaler of the workspace manages the count ' +
    '(a HorizontalPodAutoscaler or a KEDA ScaledObject, which is how manifests usually leave `replicas` out). Nothing is ' +
    'reported when an autoscaler of the workspace targets ' +
    'the workload, when a Deployment uses the `Recreate` strategy, or when its pods mount a volume claim that is not ' +
    '`ReadWriteMany`/`ReadOnlyMany` (or whose access mode is unknown): those are singletons by design. For a StatefulSet, ' +
    'more replicas only help if the application replicates its state, so only Deployments get a fix.',
  remediation: 'Run at least two replicas (and spread them with pod anti-affinity or topology spread constraints), or let an autoscaler manage the count.',
  check(ctx) {
    const obj = ctx.object;
    const r = replicasOf(obj);
    const omitted = r.state === 'absent';
    if (!omitted && (r.state !== 'value' || r.value !== 1)) return;
    const scalers = autoscalersOf(ctx);
    if (scalers.matches.length > 0 || scalers.unknown) return;
    if (obj.kind === 'Deployment') {
      // An explicit Recreate strategy says two pods must never run at once.
      const st = field(obj.spec, 'strategy', ctx.doc);
      if (st.state === 'unknown') return;
      if (st.state === 'value') {
        const type = field(asMap(st.node, ctx.doc), 'type', ctx.doc);
        if (type.state === 'unknown') return;
        if (type.state === 'value' && str(type.node, ctx.doc) !== 'RollingUpdate') return;
      }
    }
    if (mountsUnsharedClaim(ctx, obj)) return;
    if (omitted) {
      ctx.report({
        node: obj.anchor,
        message: `${objectLabel(obj)} sets no replicas, so it runs a single replica and a crash or node drain leaves it unavailable.`,
        fix: obj.kind === 'Deployment' && obj.spec && insertionTarget(obj.spec, ['replicas'], ctx.doc) ? ctx.fix('Run 2 replicas', false, ctx.edit.setIn(obj.spec, ['replicas'], 2)) : undefined,
      });
      return;
    }
    if (r.state !== 'value') return;
    const here = localValue(r.pair) ?? r.node;
    ctx.report({
      node: here,
      message: `${objectLabel(obj)} runs a single replica, so a crash or node drain leaves it unavailable.`,
      // A second StatefulSet replica only helps when the application replicates its state: no fix there.
      fix: obj.kind === 'Deployment' && editableHere(here, ctx.doc) ? ctx.fix('Run 2 replicas', false, ctx.edit.setScalar(here, 2)) : undefined,
    });
  },
});
