// Flags Deployments and StatefulSets that set spec.replicas while an autoscaler of the workspace scales them.
import { defineRule } from '../../../server/src/engine/api';
import { autoscalersOf } from '../_lib/autoscalers';
import { field, isAnchored, localValue } from '../_lib/fields';
import { objectLabel } from '../_lib/names';

export default defineRule({
  id: 'k8s/hpa-target-has-static-replicas',
  title: 'Autoscaled workloads leave replicas to the autoscaler',
  theme: 'resilience',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  workspace: true,
  appliesTo: { kinds: ['Deployment', 'StatefulSet'] },
  aliases: ['kube-score:deployment-targeted-by-hpa-does-not-have-replicas-configured'],
  rationale:
    'Once a HorizontalPodAutoscaler (or a KEDA ScaledObject, which drives one) scales a workload, it owns `spec.replicas`. ' +
    'A count written in the manifest fights it: every `kubectl apply` or GitOps sync resets the replicas to the static ' +
    'number, so a service scaled out for peak load can drop to a handful of pods in the middle of it, until the autoscaler ' +
    'reacts again.\n\n' +
    'The fix removes `replicas` from the manifest. On an object that was created with client-side `kubectl apply`, the ' +
    'first apply without the field resets it to its default of 1 once; to avoid that, remove it from the last-applied ' +
    'configuration first (`kubectl apply edit-last-applied`) or hand the field over with server-side apply.',
  remediation: 'Remove `spec.replicas` and let the autoscaler\'s `minReplicas` set the floor.',
  check(ctx) {
    const obj = ctx.object;
    const spec = obj.spec;
    const replicas = field(spec, 'replicas', ctx.doc);
    if (replicas.state !== 'value' || !spec) return;
    const scalers = autoscalersOf(ctx).matches;
    if (scalers.length === 0) return;
    ctx.report({
      node: replicas.pair,
      message: `${objectLabel(obj)} sets replicas although ${objectLabel(scalers[0])} scales it, so every apply resets the replica count.`,
      // An anchored value may be used elsewhere: removing it would leave those aliases dangling.
      fix: isAnchored(localValue(replicas.pair)) ? undefined : ctx.fix('Remove replicas', true, ctx.edit.removePair(spec, 'replicas')),
    });
  },
});
