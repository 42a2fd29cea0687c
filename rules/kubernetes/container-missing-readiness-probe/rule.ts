// Flags long-running app containers that define no readiness probe.
import { asSeq, defineRule, LONG_RUNNING_KINDS } from '../../../server/src/engine/api';
import { containerLabel, upperFirst } from '../_lib/names';
import { field } from '../_lib/fields';
import { isLongRunning } from '../_lib/pods';
import { missingProbeFix } from '../_lib/probes';

export default defineRule({
  id: 'k8s/container-missing-readiness-probe',
  title: 'Long-running containers define a readiness probe',
  theme: 'probes',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  appliesTo: { kinds: LONG_RUNNING_KINDS },
  aliases: ['kube-linter:no-readiness-probe', 'checkov:CKV_K8S_9', 'polaris:readinessProbeMissing', 'kube-score:pod-probes'],
  rationale:
    'Without a readiness probe a pod counts as ready as soon as its containers have started. Services send it traffic ' +
    'before the application listens or has warmed up, and a rolling update moves on to the next pod while the new one still ' +
    'fails requests. A pod that becomes overloaded or loses a dependency also keeps receiving traffic.\n\n' +
    'The rule looks at the app containers of workloads whose pods keep running (Deployments, StatefulSets, DaemonSets, ' +
    'ReplicaSets, ReplicationControllers and Pods with `restartPolicy: Always`) that declare at least one port: a ' +
    'container without ports (a queue worker, a config reloader) usually receives no traffic for readiness to gate. Jobs, ' +
    'CronJobs, init and ephemeral containers are not checked.',
  remediation: 'Add a `readinessProbe` that succeeds only when the container can serve requests.',
  check(ctx) {
    if (!isLongRunning(ctx.object)) return;
    for (const c of ctx.object.appContainers) {
      const f = field(c.map, 'readinessProbe', ctx.doc);
      if (f.state !== 'absent' && f.state !== 'null') continue;
      // Readiness gates traffic: a container that declares no port (a worker, a config reloader) is left alone.
      const ports = field(c.map, 'ports', ctx.doc);
      if (ports.state !== 'value' || (asSeq(ports.node, ctx.doc)?.items.length ?? 0) === 0) continue;
      ctx.report({
        node: c.anchor,
        message: `${upperFirst(containerLabel(c))} has no readiness probe, so it receives traffic before it is ready.`,
        fix: missingProbeFix(ctx, c, 'readinessProbe'),
      });
    }
  },
});
