// Flags PodDisruptionBudgets that can never allow an eviction.
import { BATCH_KINDS, defineRule, keyText, LONG_RUNNING_KINDS, num, str, type K8sObject, type YNode, type YPair } from '../../../server/src/engine/api';
import { pdbSelects } from '../_lib/budgets';
import { editableHere, field, localValue, type AnyCtx, type Doc } from '../_lib/fields';
import { objectLabel } from '../_lib/names';
import { plannedPods } from '../_lib/replicas';

/** Two objects certainly land in the same namespace: both name it, or neither does and they share a file. */
function sameNamespace(a: K8sObject, b: K8sObject): boolean {
  return a.namespace !== undefined ? a.namespace === b.namespace : b.namespace === undefined && a.uri === b.uri;
}

/** Parses a percentage such as `"25%"`; undefined for anything else. */
function percent(node: YNode, doc: Doc): number | undefined {
  const t = str(node, doc);
  const m = t === undefined ? null : /^(\d+)%$/.exec(t);
  return m ? Number(m[1]) : undefined;
}

interface Selection {
  /** The most pods the budget can select. */
  total: number;
  /** At least one workload is certainly selected. */
  certain: boolean;
  /** Every possibly selected workload is certainly selected, in the budget's namespace: `total` is exact. */
  exact: boolean;
}

/**
 * The pods the budget selects among the workloads of the workspace. Undefined when a possibly
 * selected workload has a pod count that cannot be known (autoscaled, DaemonSet, batch, unreadable).
 */
function selectedPods(ctx: AnyCtx): Selection | undefined {
  const out: Selection = { total: 0, certain: false, exact: true };
  for (const w of ctx.workspace.ofKind(...LONG_RUNNING_KINDS, ...BATCH_KINDS)) {
    if (!w.pod) continue;
    const sel = pdbSelects(ctx.object, w);
    if (sel === false) continue;
    const pods = plannedPods(ctx, w);
    if (pods === undefined) return undefined;
    out.total += pods;
    if (sel === true) out.certain = true;
    if (sel !== true || !sameNamespace(ctx.object, w)) out.exact = false;
  }
  return out;
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
    'cannot be maintained. That is the case with `maxUnavailable: 0` or `"0%"`, with `minAvailable: "100%"`, with a ' +
    'number in `minAvailable` that is at least the number of pods the budget selects, and with a `minAvailable` percentage ' +
    'that rounds up to all of them (Kubernetes rounds up: 67% of 3 pods is 3).\n\n' +
    'The last two cases are reported only when they are decidable: the selected workloads of the workspace all have a ' +
    'known pod count (explicit or default replicas, no autoscaler), at least one of them is certainly selected and, for a ' +
    'percentage, every one of them is certainly selected and in the same namespace. The fix replaces ' +
    'the setting with `maxUnavailable: 1`, which keeps all but one pod up during maintenance.',
  remediation: 'Allow at least one disruption, for example with `maxUnavailable: 1`.',
  check(ctx) {
    const obj = ctx.object;
    const spec = obj.spec;
    if (!spec) return;
    const report = (pair: YPair, node: YNode, why: string) => {
      ctx.report({
        node: localValue(pair) ?? node,
        message: `${objectLabel(obj)} ${why}, so it blocks every eviction and node drains never finish.`,
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
      if (pct >= 100) { report(minA.pair, minA.node, 'requires 100% of its pods available'); return; }
      if (pct <= 0) return;
      // A percentage is rounded up: 67% of 3 pods is 3. Only decidable when the selection is exact.
      const selected = selectedPods(ctx);
      if (!selected || !selected.exact || !selected.certain || selected.total < 1) return;
      const needed = Math.ceil((pct * selected.total) / 100);
      if (needed >= selected.total) report(minA.pair, minA.node, `requires ${pct}% of its ${selected.total} pods, which rounds up to all of them`);
      return;
    }
    const n = num(minA.node, ctx.doc);
    if (n === undefined || !Number.isInteger(n) || n < 1) return;
    const selected = selectedPods(ctx);
    if (!selected || !selected.certain || selected.total < 1 || n < selected.total) return;
    report(minA.pair, minA.node, `requires ${n} available pods while it selects ${selected.total}`);
  },
});

/** Sets `maxUnavailable: 0` to 1 in place, or turns the `minAvailable` pair into `maxUnavailable: 1` where it stands. */
function replaceWithMaxUnavailable(ctx: AnyCtx, pair: YPair, node: YNode) {
  // A value shared through an alias or an anchor would change everywhere it is used.
  if (pair.value !== node || !editableHere(node, ctx.doc)) return undefined;
  const value = ctx.edit.setScalar(node, 1);
  if (keyText(pair) === 'maxUnavailable') return [value];
  const key = pair.key as YNode;
  return editableHere(key, ctx.doc) ? [ctx.edit.setScalar(key, 'maxUnavailable'), value] : undefined;
}
