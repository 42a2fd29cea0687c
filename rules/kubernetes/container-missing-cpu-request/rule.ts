// Flags app and init containers that set no CPU request (and no CPU limit it would default to).
import { defineRule, WORKLOAD_KINDS } from '../../../server/src/engine/api';
import { checkResource } from '../_lib/resources';

export default defineRule({
  id: 'k8s/container-missing-cpu-request',
  title: 'Containers set a CPU request',
  theme: 'limits',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  workspace: true,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: ['kube-linter:unset-cpu-requirements', 'checkov:CKV_K8S_10', 'polaris:cpuRequestsMissing', 'kube-score:container-resources', 'trivy:KSV015'],
  rationale:
    'The CPU request is what the scheduler reserves for a container and what decides its share of CPU when the node is ' +
    'busy. Without one the container is placed as if it needed no CPU and, under contention, gets only a minimal share, so ' +
    'latency collapses exactly when load is high. Horizontal autoscaling on CPU utilisation also needs a request to compute ' +
    'a percentage.\n\n' +
    'App and init containers are checked. A container with a CPU limit but no request is not reported: Kubernetes sets the ' +
    'request to the limit. Nothing is reported either when a pod-level `resources` request covers the pod, when a ' +
    'LimitRange of the workspace that may apply to the namespace gives containers a default request, or when a ' +
    'VerticalPodAutoscaler of the workspace targets the workload in a mode other than `Off` (it sets requests as pods are ' +
    'created).',
  remediation: 'Set `resources.requests.cpu` to what the container uses under normal load.',
  check(ctx) {
    checkResource(ctx, { section: 'requests', res: 'cpu', placeholder: '100m' });
  },
});
