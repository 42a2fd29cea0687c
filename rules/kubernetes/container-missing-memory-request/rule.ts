// Flags app and init containers that set no memory request (and no memory limit it would default to).
import { defineRule, WORKLOAD_KINDS } from '../../../server/src/engine/api';
import { checkResource } from '../_lib/resources';

export default defineRule({
  id: 'k8s/container-missing-memory-request',
  title: 'Containers set a memory request',
  theme: 'limits',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  workspace: true,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: ['kube-linter:unset-memory-requirements', 'checkov:CKV_K8S_12', 'polaris:memoryRequestsMissing', 'kube-score:container-resources', 'trivy:KSV016'],
  rationale:
    'The scheduler places pods by their requests. A container without a memory request is scheduled as if it needed no ' +
    'memory, so nodes get overcommitted, and under memory pressure its pod (BestEffort or Burstable) is among the first ' +
    'the kubelet evicts.\n\n' +
    'App and init containers are checked. A container with a memory limit but no request is not reported: Kubernetes ' +
    'sets the request to the limit. Nothing is reported either when a pod-level `resources` request covers the pod, ' +
    'when a LimitRange of the workspace that may apply to the namespace gives containers a default request, or when a ' +
    'VerticalPodAutoscaler of the workspace targets the workload in a mode other than `Off` (it sets requests as pods are ' +
    'created).',
  remediation: 'Set `resources.requests.memory` to what the container uses under normal load.',
  check(ctx) {
    checkResource(ctx, { section: 'requests', res: 'memory', placeholder: '128Mi' });
  },
});
