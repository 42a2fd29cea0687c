// Autoscalers of the workspace that drive a workload's replica count: HorizontalPodAutoscalers and KEDA ScaledObjects.
import { asMap, getNode, K8sWorkspaceView, num, str, type K8sObject } from '../../../server/src/engine/api';
import { field, hasMergeKey, type AnyCtx } from './fields';

export interface ScalerTargeting {
  /** Autoscalers whose target is this object. */
  matches: K8sObject[];
  /** True when some autoscaler that may share the namespace has a target that cannot be read. */
  unknown: boolean;
}

/**
 * The HorizontalPodAutoscalers (and KEDA ScaledObjects, which drive one) of the workspace that
 * target this workload by kind and name, in a namespace they may share.
 */
export function autoscalersOf(ctx: AnyCtx, obj: K8sObject = ctx.object): ScalerTargeting {
  const out: ScalerTargeting = { matches: [], unknown: false };
  const scalers = [
    ...ctx.workspace.ofKind('HorizontalPodAutoscaler'),
    ...ctx.workspace.ofKind('ScaledObject').filter((o) => o.group === 'keda.sh'),
  ];
  for (const s of scalers) {
    if (!K8sWorkspaceView.mayShareNamespace(obj, s)) continue;
    const ref = field(s.spec, 'scaleTargetRef', s.doc);
    if (ref.state !== 'value') { out.unknown = true; continue; }
    const refMap = asMap(ref.node, s.doc);
    if (!refMap || hasMergeKey(refMap)) { out.unknown = true; continue; }
    const kindNode = getNode(refMap, 'kind', s.doc);
    const kind = kindNode ? str(kindNode, s.doc) : s.kind === 'ScaledObject' ? 'Deployment' : undefined;
    const name = str(getNode(refMap, 'name', s.doc), s.doc);
    if (kind === undefined || name === undefined) { out.unknown = true; continue; }
    if (kind === obj.kind && obj.name !== undefined && name === obj.name) out.matches.push(s);
  }
  return out;
}

/** The smallest minReplicas among autoscalers (1 when unset); undefined when one cannot be read. */
export function minAutoscaledReplicas(scalers: K8sObject[]): number | undefined {
  let min: number | undefined;
  for (const s of scalers) {
    const key = s.kind === 'ScaledObject' ? 'minReplicaCount' : 'minReplicas';
    const f = field(s.spec, key, s.doc);
    let v: number | undefined;
    if (f.state === 'absent') v = s.kind === 'ScaledObject' ? 0 : 1;
    else if (f.state === 'value') v = num(f.node, s.doc);
    if (v === undefined) return undefined;
    min = min === undefined ? v : Math.min(min, v);
  }
  return min;
}
