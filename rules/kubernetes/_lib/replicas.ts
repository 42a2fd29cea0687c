// How many pods a workload runs: its spec.replicas as written, and the pod count when it can be known.
import { num, REPLICATED_KINDS, type K8sObject, type YNode, type YPair } from '../../../server/src/engine/api';
import { autoscalersOf } from './autoscalers';
import { field, type AnyCtx } from './fields';

export type Replicas =
  | { state: 'absent' }
  | { state: 'value'; value: number; pair: YPair; node: YNode }
  | { state: 'unknown' };

/** `spec.replicas` of a workload: absent, a whole number, or unknown. */
export function replicasOf(obj: K8sObject): Replicas {
  const f = field(obj.spec, 'replicas', obj.doc);
  if (f.state === 'absent') return { state: 'absent' };
  if (f.state !== 'value') return { state: 'unknown' };
  const n = num(f.node, obj.doc);
  if (n === undefined || !Number.isInteger(n) || n < 0) return { state: 'unknown' };
  return { state: 'value', value: n, pair: f.pair, node: f.node };
}

/**
 * How many pods a workload is meant to run, when it can be known: explicit replicas, else 1 for a
 * replicated kind without an autoscaler, 1 for a Pod. Undefined for DaemonSets, batch kinds,
 * autoscaled workloads and unreadable counts.
 */
export function plannedPods(ctx: AnyCtx, obj: K8sObject): number | undefined {
  if (obj.kind === 'Pod') return 1;
  if (!(REPLICATED_KINDS as readonly string[]).includes(obj.kind)) return undefined;
  const scalers = autoscalersOf(ctx, obj);
  if (scalers.matches.length > 0 || scalers.unknown) return undefined;
  const r = replicasOf(obj);
  if (r.state === 'absent') return 1;
  if (r.state === 'value') return r.value;
  return undefined;
}
