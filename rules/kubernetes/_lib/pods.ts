// Pod templates of workloads: where they are, their labels, the workload's own selector, whether the pods keep running.
import { asMap, asSeq, getIn, getNode, isNullish, LONG_RUNNING_KINDS, mapEntries, str, type K8sObject, type YMap } from '../../../server/src/engine/api';
import { exactStringMap, field, hasMergeKey } from './fields';

/**
 * The map holding a pod template's `metadata` and `spec`: built-in workloads through the model,
 * other kinds (Argo Rollouts, OpenKruise, ...) when they carry a `spec.template` with a pod spec.
 */
export function podTemplateHolder(o: K8sObject): YMap | undefined {
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

/**
 * The labels of the object's pod template: {} when it sets none, undefined when it has no pod
 * template or a label cannot be read exactly (a merge key, an alias to a map, a boolean or null value).
 */
export function podLabels(o: K8sObject): Record<string, string> | undefined {
  const holder = podTemplateHolder(o);
  if (!holder) return undefined;
  const meta = field(holder, 'metadata', o.doc);
  if (meta.state === 'absent' || meta.state === 'null') return {};
  if (meta.state !== 'value') return undefined;
  const labels = field(asMap(meta.node, o.doc), 'labels', o.doc);
  if (labels.state === 'absent' || labels.state === 'null') return {};
  if (labels.state !== 'value') return undefined;
  return exactStringMap(labels.node, o.doc);
}

/**
 * The workload's `spec.selector.matchLabels` when the selector is exactly that (no expressions)
 * and every value can be read; undefined otherwise.
 */
export function selectorMatchLabels(obj: K8sObject): Record<string, string> | undefined {
  const doc = obj.doc;
  const sel = field(obj.spec, 'selector', doc);
  if (sel.state !== 'value') return undefined;
  const selMap = asMap(sel.node, doc);
  if (!selMap || hasMergeKey(selMap)) return undefined;
  for (const [k, v] of mapEntries(selMap, doc)) {
    if (k === 'matchLabels') continue;
    if (k === 'matchExpressions' && (isNullish(v) || (asSeq(v, doc)?.items.length ?? 1) === 0)) continue;
    return undefined;
  }
  const labels = exactStringMap(getNode(selMap, 'matchLabels', doc), doc);
  return labels && Object.keys(labels).length > 0 ? labels : undefined;
}

/**
 * Whether the object's pods are meant to keep running: long-running controllers, and bare Pods
 * whose restartPolicy is Always (the default). Unknown restart policies count as not long-running.
 */
export function isLongRunning(obj: K8sObject): boolean {
  if (!(LONG_RUNNING_KINDS as readonly string[]).includes(obj.kind) || !obj.pod) return false;
  if (obj.kind !== 'Pod') return true;
  const f = field(obj.pod.spec, 'restartPolicy', obj.doc);
  if (f.state === 'absent') return true;
  return f.state === 'value' && str(f.node, obj.doc) === 'Always';
}
