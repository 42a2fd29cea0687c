// Flags namespaced objects whose metadata.namespace is explicitly `default`.
import { CLUSTER_SCOPED_KINDS, defineRule, getNode } from '../../../server/src/engine/api';
import { objectLabel } from '../_lib/names';

/** Cluster-scoped kinds beyond the engine's list; kinds named `Cluster…` are treated as cluster-scoped too. */
const MORE_CLUSTER_SCOPED = new Set([
  'FlowSchema', 'PriorityLevelConfiguration', 'CertificateSigningRequest', 'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding', 'VolumeAttributesClass', 'DeviceClass', 'ResourceSlice', 'StorageVersionMigration',
  'IPAddress', 'ServiceCIDR', 'SelfSubjectReview', 'TokenReview', 'SelfSubjectAccessReview', 'SubjectAccessReview',
  'SelfSubjectRulesReview', 'List',
]);
/** Kinds that govern the namespace they are in: placing them in `default` protects or grants access to `default` itself. */
const NAMESPACE_POLICY_KINDS = new Set(['Role', 'RoleBinding', 'NetworkPolicy', 'ResourceQuota', 'LimitRange']);
/** Objects Kubernetes itself keeps in `default`. */
const BUILT_IN = new Set(['Service/kubernetes', 'Endpoints/kubernetes', 'EndpointSlice/kubernetes', 'ServiceAccount/default', 'ConfigMap/kube-root-ca.crt']);

export default defineRule({
  id: 'k8s/default-namespace',
  title: 'Objects are not placed in the default namespace',
  theme: 'least-privilege',
  severity: 'info',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: false,
  aliases: ['kube-linter:use-namespace', 'checkov:CKV_K8S_21', 'trivy:KSV110'],
  rationale:
    'Namespaces are the boundary for RBAC, quotas, LimitRanges, NetworkPolicies and Pod Security admission. `default` is ' +
    'shared by everything deployed without a thought: policies written for it apply to all of that, and a RoleBinding in it ' +
    'grants access to unrelated workloads. Only an explicit `namespace: default` is reported. An object without ' +
    '`metadata.namespace` lands wherever it is applied (`kubectl -n`, Kustomize, Helm, Argo CD set it), which the manifest ' +
    'cannot tell, so it is not reported. Cluster-scoped kinds, the objects Kubernetes itself keeps in `default`, and kinds that govern ' +
    'the namespace they live in (Role, RoleBinding, NetworkPolicy, ResourceQuota, LimitRange: in `default` they protect or ' +
    'grant access to `default` itself) are skipped. There is no automatic fix: the right namespace is the author\'s choice.',
  remediation: 'Set `metadata.namespace` to a namespace dedicated to the application, or remove it and choose the namespace at deploy time.',
  check(ctx) {
    const { object, doc } = ctx;
    if (object.namespace !== 'default' || !object.kind) return;
    if (CLUSTER_SCOPED_KINDS.has(object.kind) || MORE_CLUSTER_SCOPED.has(object.kind) || object.kind.startsWith('Cluster')) return;
    if (NAMESPACE_POLICY_KINDS.has(object.kind) || BUILT_IN.has(`${object.kind}/${object.name}`)) return;
    const node = getNode(object.metadata, 'namespace', doc);
    if (!node) return;
    ctx.report({ node, message: `${objectLabel(object)} is placed in the shared "default" namespace.` });
  },
});
