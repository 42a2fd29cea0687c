// Flags app and init containers that set no memory limit.
import { defineRule, WORKLOAD_KINDS } from '../../../server/src/engine/api';
import { checkResource } from '../_lib/resources';

export default defineRule({
  id: 'k8s/container-missing-memory-limit',
  title: 'Containers set a memory limit',
  theme: 'limits',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  workspace: true,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: ['kube-linter:unset-memory-requirements', 'checkov:CKV_K8S_13', 'polaris:memoryLimitsMissing', 'kube-score:container-resources', 'trivy:KSV018'],
  rationale:
    'Memory cannot be throttled: a container without a memory limit can grow until the node runs out, and then the kernel or ' +
    'the kubelet evicts or kills whatever it chooses, often other workloads. With a limit, a leak only restarts the container ' +
    'that leaks (OOMKilled), and the scheduler\'s picture of the node stays true.\n\n' +
    'App and init containers are checked (ephemeral debug containers cannot set resources). Nothing is reported when a ' +
    'pod-level `resources` limit covers the pod, or when a LimitRange of the workspace that may apply to the namespace gives ' +
    'containers a default limit.',
  remediation: 'Set `resources.limits.memory` to the most the container should ever use; many teams set it equal to the memory request.',
  check(ctx) {
    checkResource(ctx, { section: 'limits', res: 'memory', placeholder: '512Mi' });
  },
});
