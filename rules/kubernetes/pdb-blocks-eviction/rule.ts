// Flags PodDisruptionBudgets that can never allow an eviction.
import { BATCH_KINDS, defineRule, LONG_RUNNING_KINDS, num, type YPair } from '../../../server/src/engine/api';
import { field, pdbSelects, percent, plannedPods, type AnyCtx, type YNode } from '../_lib/workloads-resources';

/**
 * The most pods the budget can select, from the workloads of the workspace, when it is known; and
 * whether at least one workload is certainly selected. Undefined when some possibly selected
 * workload has a pod count that cannot be known (autoscaled, DaemonSet, batch, unreadable).
 */
function selectedPods(ctx: AnyCtx): { total: number; certain: boolean } | undefined {
  let total = 0;
  let certain = false;
  for (const w of ctx.workspace.ofKind(...LONG_RUNNING_KINDS, ...BATCH_KINDS)) {
    if (!w.pod) continue;
    const sel = pdbSelects(ctx.object, w);
    if (sel === false) continue;
    const pods = plannedPods(ctx, w);
    if (pods === undefined) return undefined;
    total += pods;
    if (sel === true) certain = true;
  }
  return { total, certain };
}

export default defineRule({
  id: 'k8s/pdb-blocks-eviction',
  title: 'PodDisruptionBudgets allow at least one eviction',
  theme: 'resilience',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  workspace: true,
  appliesTo: { kinds: ['PodDisruptionBudget'] },
  aliases: ['kube-linter:pdb-max-unavailable', 'kube-linter:pdb-min-available'],
  rationale:
    'A PodDisruptionBudget that allows zero disruptions blocks every voluntary eviction of its pods: `kubectl drain`, ' +
    'cluster upgrades and the cluster autoscaler wait on it forever (or until someone deletes the budget by hand), so nodes ' +
    'cannot be maintained. That is the case with `maxUnavailable: 0` or `"0%"`, with `minAvailable: "100%"`, and with a ' +
    'number in `minAvailable` that is at least the number of pods the budget selects.\n\n' +
    'The last case is reported only when it is decidable: the selected workloads of the workspace all have a known pod ' +
    'count (explicit or default replicas, no autoscaler), and at least one of them is certainly selected. The fix replaces ' +
    'the setting with `maxUnavailable: 1`, which keeps all but one pod up during maintenance.',
  remediation: 'Allow at least one disruption, for example with `maxUnavailable: 1`.',
  check(ctx) {
    const obj = ctx.object;
    const spec = obj.spec;
    if (!spec) return;
    const report = (pair: YPair, node: YNode, why: string) => {
      ctx.report({
        node,
        message: `PodDisruptionBudget "${obj.name ?? '(unnamed)'}" ${why}, so it blocks every eviction and node drains never finish.`,
        fix: ctx.fix('Allow one eviction at a time (maxUnavailable: 1)', false, replaceWithMaxUnavailable(ctx, pair, node)),
      });
    };
    const maxU = field(spec, 'maxUnavailable', ctx.doc);
    if (maxU.state === 'value') {
      if (num(maxU.node, ctx.doc) === 0 || percent(maxU.node, ctx.doc) === 0) report(maxU.pair, maxU.node, 'allows 0 unavailable pods');
      return;
    }
    const minA = field(spec, 'minAvailable', ctx.doc);
    if (minA.state !== 'value') return;
    const pct = percent(minA.node, ctx.doc);
    if (pct !== undefined) {
      if (pct >= 100) report(minA.pair, minA.node, 'requires 100% of its pods available');
      return;
    }
    const n = num(minA.node, ctx.doc);
    if (n === undefined || !Number.isInteger(n) || n < 1) return;
    const selected = selectedPods(ctx);
    if (!selected || !selected.certain || selected.total < 1 || n < selected.total) return;
    report(minA.pair, minA.node, `requires ${n} available pods while it selects ${selected.total}`);
  },
});

/** Replaces `maxUnavailable: 0` in place, or the whole `minAvailable` pair, with `maxUnavailable: 1`. */
function replaceWithMaxUnavailable(ctx: AnyCtx, pair: YPair, node: YNode) {
  if (pair.value !== node || !node.range) return undefined; // an alias: the value lives elsewhere
  const key = pair.key as YNode;
  const text = ctx.object.file.text;
  const [keyStart, keyEnd] = key.range!;
  if (text.slice(keyStart, keyEnd).replace(/["']/g, '') === 'maxUnavailable') return ctx.edit.setScalar(node, 1);
  const quote = text[keyStart] === '"' || text[keyStart] === "'" ? text[keyStart] : '';
  return { start: keyStart, end: node.range[1], newText: `${quote}maxUnavailable${quote}: 1` };
}
