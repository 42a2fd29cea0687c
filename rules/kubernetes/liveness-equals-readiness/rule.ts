// Flags containers whose liveness and readiness probes are identical once defaults are filled in.
import { defineRule, LONG_RUNNING_KINDS } from '../../../server/src/engine/api';
import { containerLabel, upperFirst } from '../_lib/names';
import { field } from '../_lib/fields';
import { isLongRunning } from '../_lib/pods';
import { canonical, probeWithDefaults, stableText } from '../_lib/probes';

export default defineRule({
  id: 'k8s/liveness-equals-readiness',
  title: 'Liveness and readiness probes differ',
  theme: 'probes',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: false,
  appliesTo: { kinds: LONG_RUNNING_KINDS },
  aliases: ['kube-score:pod-probes-identical'],
  rationale:
    'Readiness and liveness answer different questions: "should this pod get traffic now?" and "is this process beyond ' +
    'repair?". When both probes are the same check with the same timing, every moment a pod is not ready is also a moment ' +
    'the kubelet restarts it. A pod that is briefly overloaded, or whose database is slow, is killed instead of being taken ' +
    'out of traffic, and restarts under load tend to spread to the other replicas.\n\n' +
    'Using the same endpoint is fine when the liveness probe tolerates more failures (a higher `failureThreshold` or ' +
    '`periodSeconds`); this rule only reports probes that are identical field for field, with omitted fields read as their ' +
    'defaults.',
  remediation: 'Give the liveness probe a higher `failureThreshold` (or a cheaper check of the process itself) than the readiness probe.',
  check(ctx) {
    if (!isLongRunning(ctx.object)) return;
    for (const c of ctx.object.appContainers) {
      const live = field(c.map, 'livenessProbe', ctx.doc);
      const ready = field(c.map, 'readinessProbe', ctx.doc);
      if (live.state !== 'value' || ready.state !== 'value') continue;
      const a = canonical(live.node, ctx.doc);
      const b = canonical(ready.node, ctx.doc);
      if (!isPlainMap(a) || !isPlainMap(b)) continue;
      if (!['httpGet', 'tcpSocket', 'grpc', 'exec'].some((h) => h in a)) continue;
      if (stableText(probeWithDefaults(a)) !== stableText(probeWithDefaults(b))) continue;
      ctx.report({
        node: live.pair,
        message: `${upperFirst(containerLabel(c))} uses the same check for liveness and readiness, so it is restarted whenever it is not ready.`,
      });
    }
  },
});

function isPlainMap(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
