// PodDisruptionBudgets: whether a budget's selector selects a workload's pods.
import { asMap, bool, K8sWorkspaceView, mapEntries, matchLabelSelector, str, type K8sObject } from '../../../server/src/engine/api';
import { field, hasMergeKey } from './fields';
import { podLabels } from './pods';

/** Whether a PodDisruptionBudget selects a workload's pods: true, false, or undefined when unknown. */
export function pdbSelects(pdb: K8sObject, workload: K8sObject): boolean | undefined {
  if (!K8sWorkspaceView.mayShareNamespace(pdb, workload)) return false;
  const labels = podLabels(workload);
  if (!labels) return undefined;
  const sel = field(pdb.spec, 'selector', pdb.doc);
  if (sel.state !== 'value') return undefined;
  const selMap = asMap(sel.node, pdb.doc);
  if (!selMap || hasMergeKey(selMap)) return undefined;
  const ml = field(selMap, 'matchLabels', pdb.doc);
  if (ml.state === 'unknown') return undefined;
  if (ml.state === 'value') {
    const mlMap = asMap(ml.node, pdb.doc);
    if (!mlMap || hasMergeKey(mlMap)) return undefined;
    for (const [, v] of mapEntries(mlMap, pdb.doc)) if (str(v, pdb.doc) === undefined && bool(v, pdb.doc) === undefined) return undefined;
  }
  return matchLabelSelector(selMap, labels, pdb.doc);
}
