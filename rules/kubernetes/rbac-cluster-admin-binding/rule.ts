// Flags RoleBindings and ClusterRoleBindings that grant the cluster-admin ClusterRole to subjects outside Kubernetes itself.
import { asMap, defineRule, getIn, getNode, RBAC_BINDING_KINDS, seqItems, str } from '../../../server/src/engine/api';
import { objectLabel } from '../_lib/names';
import { isBuiltInRbac } from '../_lib/rbac';

export default defineRule({
  id: 'k8s/rbac-cluster-admin-binding',
  title: 'Bindings do not grant the cluster-admin role',
  theme: 'least-privilege',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: false,
  appliesTo: { kinds: RBAC_BINDING_KINDS },
  aliases: ['kube-linter:cluster-admin-role-binding', 'polaris:clusterrolebindingClusterAdmin', 'polaris:rolebindingClusterAdminClusterRole', 'trivy:KSV111'],
  rationale:
    '`cluster-admin` allows every verb on every resource. Bound with a ClusterRoleBinding it owns the cluster; bound with a ' +
    'RoleBinding it still owns the namespace, its Secrets and every workload in it. A workload or person holding it turns any ' +
    'compromise into full control, and the grant hides which permissions are actually needed. Bindings created by Kubernetes ' +
    'itself (named `system:…` or labelled `kubernetes.io/bootstrapping: rbac-defaults`) and subjects that are Kubernetes identities (`system:masters` and other `system:` names) are not ' +
    'reported. There is no mechanical fix: the replacement role depends on what the subject does.',
  remediation: 'Bind a role that lists the permissions the subject needs instead of `cluster-admin`.',
  check(ctx) {
    const { object, doc } = ctx;
    if (isBuiltInRbac(object)) return;
    const roleRef = asMap(getNode(object.root, 'roleRef', doc), doc);
    const nameNode = getNode(roleRef, 'name', doc);
    if (str(getNode(roleRef, 'kind', doc), doc) !== 'ClusterRole' || str(nameNode, doc) !== 'cluster-admin' || !nameNode) return;
    const subjects: string[] = [];
    for (const item of seqItems(getNode(object.root, 'subjects', doc), doc)) {
      const s = asMap(item, doc);
      const kind = str(getIn(s, ['kind'], doc), doc);
      const name = str(getIn(s, ['name'], doc), doc);
      if (!kind || !name || name.startsWith('system:')) continue;
      const ns = str(getIn(s, ['namespace'], doc), doc);
      subjects.push(kind === 'ServiceAccount' && ns ? `ServiceAccount ${ns}/${name}` : `${kind} ${name}`);
    }
    if (subjects.length === 0) return;
    const shown = subjects.length > 3 ? `${subjects.slice(0, 3).join(', ')} and ${subjects.length - 3} more` : subjects.join(', ');
    ctx.report({
      node: nameNode,
      message: `${objectLabel(object)} grants cluster-admin to ${shown}.`,
    });
  },
});
