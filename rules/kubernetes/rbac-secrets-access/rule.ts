// Flags Role and ClusterRole rules that let a subject read Secrets (get, list, watch or `*` on `secrets`).
import { defineRule, RBAC_ROLE_KINDS } from '../../../server/src/engine/api';
import { objectLabel } from '../_lib/names';
import { coversCoreGroup, firstOf, isBuiltInRbac, policyRules, unscoped } from '../_lib/rbac';

const READ_VERBS = ['get', 'list', 'watch', '*'];

export default defineRule({
  id: 'k8s/rbac-secrets-access',
  title: 'RBAC roles do not read Secrets without naming them',
  theme: 'least-privilege',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: false,
  appliesTo: { kinds: RBAC_ROLE_KINDS },
  aliases: ['kube-linter:access-to-secrets', 'trivy:KSV041'],
  rationale:
    'Reading Secrets exposes every credential stored in their scope, including service account tokens and TLS keys of other ' +
    'workloads: `list` and `watch` return the contents of all Secrets, not just their names. A subject that can read Secrets ' +
    'cluster-wide can usually impersonate whatever those credentials belong to. Rules restricted with `resourceNames` to the Secrets ' +
    'the workload owns are not reported; rules using `resources: ["*"]` are reported by `k8s/rbac-wildcard` instead. Roles Kubernetes creates itself (`system:…` names, bootstrap defaults) are not reported.',
  remediation: 'Remove read access to `secrets`, or restrict it with `resourceNames` to the Secrets the workload needs and bind it in their namespace only.',
  check(ctx) {
    const { object, doc } = ctx;
    if (isBuiltInRbac(object)) return;
    for (const rule of policyRules(object.root, doc)) {
      if (!unscoped(rule) || !coversCoreGroup(rule)) continue;
      const secrets = firstOf(rule.resources, ['secrets']);
      if (!secrets) continue;
      const verbs = rule.verbs.filter((v) => READ_VERBS.includes(v.value)).map((v) => v.value);
      if (verbs.length === 0) continue;
      ctx.report({
        node: secrets.node,
        message: `${objectLabel(object)} rule ${rule.number} can read every Secret in its scope (${[...new Set(verbs)].join(', ')}).`,
      });
    }
  },
});
