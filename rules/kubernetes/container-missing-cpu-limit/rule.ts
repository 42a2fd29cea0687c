// Flags app and init containers that set no CPU limit (off by default: CPU limits are disputed).
import { defineRule, WORKLOAD_KINDS } from '../../../server/src/engine/api';
import { checkResource } from '../_lib/resources';

export default defineRule({
  id: 'k8s/container-missing-cpu-limit',
  title: 'Containers set a CPU limit',
  theme: 'limits',
  severity: 'info',
  enabledByDefault: false,
  language: 'kubernetes',
  fixable: true,
  workspace: true,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: ['kube-linter:unset-cpu-requirements', 'checkov:CKV_K8S_11', 'polaris:cpuLimitsMissing', 'kube-score:container-resources', 'trivy:KSV011'],
  rationale:
    'A CPU limit caps how much CPU a container may burn, which protects neighbours from a runaway process and is required ' +
    'by some quota setups (a ResourceQuota on `limits.cpu`) and for the Guaranteed QoS class.\n\n' +
    'The practice is disputed, which is why this rule is off by default: CPU is compressible, so a container without a limit ' +
    'is only throttled back to its request under contention, while a limit throttles it even on an idle node and can add ' +
    'latency. Many teams set CPU requests everywhere and CPU limits nowhere. Enable the rule when your platform requires ' +
    'limits. Nothing is reported when a pod-level `resources` limit covers the pod, or when a LimitRange of the workspace ' +
    'that may apply to the namespace gives containers a default limit.',
  remediation: 'Set `resources.limits.cpu`, at or above the CPU request.',
  check(ctx) {
    checkResource(ctx, { section: 'limits', res: 'cpu', placeholder: '500m' });
  },
});
