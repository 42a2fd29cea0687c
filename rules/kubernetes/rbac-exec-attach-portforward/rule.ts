// Flags Role and ClusterRole rules that allow exec, attach or port-forward into pods.
import { defineRule, RBAC_ROLE_KINDS } from '../../../server/src/engine/api';
import { objectLabel } from '../_lib/names';
import { coversCoreGroup, isBuiltInRbac, policyRules, unscoped } from '../_lib/rbac';

const SUBRESOURCES = ['exec', 'attach', 'portforward'];
// Streaming connections are opened with create (POST) or, by older clients over WebSocket, with get.
const VERBS = ['create', 'get', '*'];

export default defineRule({
  id: 'k8s/rbac-exec-attach-portforward',
  title: 'RBAC roles do not allow exec, attach or port-forward into pods',
  theme: 'least-privilege',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: false,
  appliesTo: { kinds: RBAC_ROLE_KINDS },
  aliases: ['polaris:clusterrolePodExecAttach', 'polaris:rolePodExecAttach', 'trivy:KSV053'],
  rationale:
    '`pods/exec` and `pods/attach` give a shell or the terminal of any pod in the role\'s scope, with that pod\'s service account, ' +
    'mounted Secrets and network position; `pods/portforward` reaches ports that Services and NetworkPolicies were meant to keep ' +
    'private. Kubernetes opens these streams with `create`, and older clients over WebSocket with `get`, so both count. These ' +
    'are interactive debugging rights for people, not for workloads. Rules restricted with `resourceNames` are not reported; ' +
    '`resources: ["*"]` is reported by `k8s/rbac-wildcard`. Roles Kubernetes creates itself (`system:…` names, bootstrap defaults) are not reported.',
  remediation: 'Remove `pods/exec`, `pods/attach` and `pods/portforward` from the role, and grant them to people through a separate, time-limited role when needed.',
  check(ctx) {
    const { object, doc } = ctx;
    if (isBuiltInRbac(object)) return;
    for (const rule of policyRules(object.root, doc)) {
      if (!unscoped(rule) || !coversCoreGroup(rule)) continue;
      const verbs = [...new Set(rule.verbs.filter((v) => VERBS.includes(v.value)).map((v) => v.value))];
      if (verbs.length === 0) continue;
      const hits = rule.resources.filter((r) => SUBRESOURCES.some((s) => r.value === `pods/${s}` || r.value === `*/${s}`));
      if (hits.length === 0) continue;
      const names = [...new Set(hits.map((h) => h.value))].join(', ');
      ctx.report({
        node: hits[0].node,
        message: `${objectLabel(object)} rule ${rule.number} allows ${verbs.join(', ')} on ${names}, opening a session into pods in its scope.`,
      });
    }
  },
});
