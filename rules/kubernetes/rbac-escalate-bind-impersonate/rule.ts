// Flags Role and ClusterRole rules granting the escalate, bind or impersonate verbs where they take effect.
import { defineRule, RBAC_ROLE_KINDS } from '../../../server/src/engine/api';
import { objectLabel } from '../_lib/names';
import { isBuiltInRbac, policyRules, unscoped, type PolicyRule } from '../_lib/rbac';

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const ROLE_RESOURCES = ['roles', 'clusterroles', '*'];
const IDENTITY_RESOURCES = ['users', 'groups', 'serviceaccounts', 'uids', '*'];

/** Whether the verb has any effect on the rule's resources (a verb on unrelated resources grants nothing). */
function applies(verb: string, rule: PolicyRule): boolean {
  const groups = rule.apiGroups.map((g) => g.value);
  const resources = rule.resources.map((r) => r.value);
  if (verb === 'escalate' || verb === 'bind') {
    return groups.some((g) => g === RBAC_GROUP || g === '*') && resources.some((r) => ROLE_RESOURCES.includes(r));
  }
  // impersonate: users, groups and serviceaccounts are in the core group; uids and userextras in authentication.k8s.io.
  return groups.some((g) => g === '' || g === 'authentication.k8s.io' || g === '*')
    && resources.some((r) => IDENTITY_RESOURCES.includes(r) || r.startsWith('userextras'));
}

const EFFECT: Record<string, string> = {
  escalate: 'lets it create or edit roles with permissions it does not hold',
  bind: 'lets it bind any role, including ones with permissions it does not hold',
  impersonate: 'lets it act as other users, groups or service accounts',
};

export default defineRule({
  id: 'k8s/rbac-escalate-bind-impersonate',
  title: 'RBAC roles do not grant escalate, bind or impersonate',
  theme: 'least-privilege',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: false,
  appliesTo: { kinds: RBAC_ROLE_KINDS },
  aliases: [
    'checkov:CKV_K8S_157', 'checkov:CKV_K8S_158', 'trivy:KSV043',
    'kube-linter:escalate-verb-in-role', 'kube-linter:bind-verb-in-role', 'kube-linter:impersonate-without-resource-names',
  ],
  rationale:
    'Kubernetes stops a subject from granting permissions it does not hold, and these three verbs are the ways around that check. ' +
    '`escalate` on roles or clusterroles allows writing a role with any permission; `bind` allows binding any role, `cluster-admin` ' +
    'included; `impersonate` on users, groups or service accounts allows acting as them, for example as a member of `system:masters`. ' +
    'Each is equivalent to cluster-admin in practice. A verb is reported only where it takes effect (escalate and bind on RBAC roles, ' +
    'impersonate on identities); rules restricted with `resourceNames` to specific roles or identities are the recommended way to ' +
    'delegate and are not reported; `verbs: ["*"]` is reported by `k8s/rbac-wildcard`. Roles Kubernetes creates itself (`system:…` names, bootstrap defaults) are not reported.',
  remediation: 'Remove `escalate`, `bind` and `impersonate`, or restrict the rule with `resourceNames` to the roles or identities that are meant to be delegated.',
  check(ctx) {
    const { object, doc } = ctx;
    if (isBuiltInRbac(object)) return;
    for (const rule of policyRules(object.root, doc)) {
      if (!unscoped(rule)) continue;
      const seen = new Set<string>();
      for (const verb of rule.verbs) {
        if (!(verb.value in EFFECT) || seen.has(verb.value) || !applies(verb.value, rule)) continue;
        seen.add(verb.value);
        ctx.report({
          node: verb.node,
          message: `${objectLabel(object)} rule ${rule.number} grants the ${verb.value} verb, which ${EFFECT[verb.value]}.`,
        });
      }
    }
  },
});
