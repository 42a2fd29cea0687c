// Flags long-running app containers that define no liveness probe.
import { defineRule, LONG_RUNNING_KINDS } from '../../../server/src/engine/api';
import { containerLabel, upperFirst } from '../_lib/names';
import { field } from '../_lib/fields';
import { isLongRunning } from '../_lib/pods';
import { missingProbeFix } from '../_lib/probes';

export default defineRule({
  id: 'k8s/container-missing-liveness-probe',
  title: 'Long-running containers define a liveness probe',
  theme: 'probes',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  appliesTo: { kinds: LONG_RUNNING_KINDS },
  aliases: ['kube-linter:no-liveness-probe', 'checkov:CKV_K8S_8', 'polaris:livenessProbeMissing', 'kube-score:pod-probes'],
  rationale:
    'Without a liveness probe the kubelet restarts a container only when its process exits. A process that is deadlocked, ' +
    'stuck in a retry loop or has lost a critical connection keeps running, holds its share of the replicas and never recovers ' +
    'on its own. A liveness probe lets the kubelet restart it.\n\n' +
    'The rule looks at the app containers of workloads whose pods keep running (Deployments, StatefulSets, DaemonSets, ' +
    'ReplicaSets, ReplicationControllers and Pods with `restartPolicy: Always`). Jobs, CronJobs, init and ephemeral containers ' +
    'are not checked: they are meant to finish. Keep the probe cheap and independent of other services, and give it a higher ' +
    '`failureThreshold` than the readiness probe, so a slow dependency takes the pod out of traffic instead of restarting it.',
  remediation: 'Add a `livenessProbe` that checks the process itself is healthy (an HTTP health endpoint, a TCP port or a gRPC health check).',
  check(ctx) {
    if (!isLongRunning(ctx.object)) return;
    for (const c of ctx.object.appContainers) {
      const f = field(c.map, 'livenessProbe', ctx.doc);
      if (f.state !== 'absent' && f.state !== 'null') continue;
      ctx.report({
        node: c.anchor,
        message: `${upperFirst(containerLabel(c))} has no liveness probe, so a hung process is never restarted.`,
        fix: missingProbeFix(ctx, c, 'livenessProbe'),
      });
    }
  },
});
