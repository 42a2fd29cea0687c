// Flags Role and ClusterRole rules that use `*` in verbs, resources or apiGroups.
import { defineRule, RBAC_ROLE_KINDS } from '../../../server/src/engine/api';
import { objectLabel } from '../_lib/names';
import { isBuiltInRbac, policyRules, type ListItem } from '../_lib/rbac';

export default defineRule({
  id: 'k8s/rbac-wildcard',
  title: 'RBAC rules name their verbs, resources and API groups',
  theme: 'least-privilege',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: false,
  appliesTo: { kinds: RBAC_ROLE_KINDS },
  aliases: ['kube-linter:wildcard-in-rules', 'checkov:CKV_K8S_49', 'trivy:KSV044', 'trivy:KSV045', 'trivy:KSV046'],
  rationale:
    'A `*` in `verbs`, `resources` or `apiGroups` grants more than anyone reviewed: every current verb or resource, and every one ' +
    'added later by a Kubernetes upgrade or a new CustomResourceDefinition. `resources: ["*"]` includes Secrets and `pods/exec`; ' +
    '`verbs: ["*"]` includes `escalate`, `bind` and `impersonate`. Listing what the subject needs keeps the grant reviewable and ' +
    'stable across upgrades. Only the exact value `*` is reported; narrower patterns such as `*/scale` are not, and neither ' +
    'are the roles Kubernetes itself creates (`system:…` names, `kubernetes.io/bootstrapping: rbac-defaults`).',
  remediation: 'Replace `*` with the verbs, resources and API groups the subject actually needs.',
  check(ctx) {
    const { object, doc } = ctx;
    if (isBuiltInRbac(object)) return;
    for (const rule of policyRules(object.root, doc)) {
      const hits: Array<[string, ListItem]> = [];
      for (const [field, items] of [['apiGroups', rule.apiGroups], ['resources', rule.resources], ['verbs', rule.verbs]] as const) {
        const star = items.find((i) => i.value === '*');
        if (star) hits.push([field, star]);
      }
      if (hits.length === 0) continue;
      hits.sort((a, b) => a[1].node.range![0] - b[1].node.range![0]);
      const fields = hits.map(([f]) => f);
      const list = fields.length === 1 ? fields[0] : `${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1]}`;
      ctx.report({
        node: hits[0][1].node,
        message: `${objectLabel(object)} rule ${rule.number} uses "*" in ${list}, which also matches anything added later.`,
      });
    }
  },
});
