// Deprecated and removed Kubernetes API versions per kind, with the release that deprecated and removed each and its replacement.
// Source: the Kubernetes Deprecated API Migration Guide and the prerelease-lifecycle tags of the k8s.io/api types.

/**
 * How the apiVersion can be rewritten to the replacement:
 * - `safe`: same schema and meaning, nothing else to change;
 * - `unsafe`: same field names but defaults or accepted values differ, the user must review;
 * - `workload`: apps/v1 requires `spec.selector` and dropped fields; rewritten (not safe) only when the selector is there;
 * - `pdb`: policy/v1 reads an empty selector as "all pods"; safe unless the selector is empty;
 * - `none`: fields were renamed or restructured, a rewrite alone would not be valid.
 */
export type Migration = 'safe' | 'unsafe' | 'workload' | 'pdb' | 'none';

export interface DeprecatedApi {
  apiVersion: string;
  kinds: readonly string[];
  /** Release (major.minor) in which this version was deprecated. */
  deprecated: string;
  /** Release in which this version stopped being served. */
  removed: string;
  /** The apiVersion to use instead; undefined when the API was dropped without successor. */
  replacement?: string;
  migration: Migration;
  /** What changed, for messages where the rewrite is not mechanical. */
  note?: string;
}

export const DEPRECATED_APIS: readonly DeprecatedApi[] = [
  // Removed in 1.16.
  { apiVersion: 'extensions/v1beta1', kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'], deprecated: '1.8', removed: '1.16', replacement: 'apps/v1', migration: 'workload', note: 'apps/v1 requires spec.selector and changes several defaults' },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], deprecated: '1.9', removed: '1.16', replacement: 'networking.k8s.io/v1', migration: 'safe' },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], deprecated: '1.11', removed: '1.16', migration: 'none', note: 'PodSecurityPolicy was removed from Kubernetes in 1.25; use Pod Security Admission' },
  { apiVersion: 'apps/v1beta1', kinds: ['Deployment', 'StatefulSet'], deprecated: '1.8', removed: '1.16', replacement: 'apps/v1', migration: 'workload', note: 'apps/v1 requires spec.selector and changes several defaults' },
  { apiVersion: 'apps/v1beta1', kinds: ['ControllerRevision'], deprecated: '1.8', removed: '1.16', replacement: 'apps/v1', migration: 'unsafe' },
  { apiVersion: 'apps/v1beta2', kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'], deprecated: '1.9', removed: '1.16', replacement: 'apps/v1', migration: 'workload', note: 'apps/v1 requires spec.selector and changes several defaults' },
  { apiVersion: 'apps/v1beta2', kinds: ['ControllerRevision'], deprecated: '1.9', removed: '1.16', replacement: 'apps/v1', migration: 'unsafe' },
  // Removed in 1.22.
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], deprecated: '1.14', removed: '1.22', replacement: 'networking.k8s.io/v1', migration: 'none', note: 'backend fields were renamed and pathType is required' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress'], deprecated: '1.19', removed: '1.22', replacement: 'networking.k8s.io/v1', migration: 'none', note: 'backend fields were renamed and pathType is required' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['IngressClass'], deprecated: '1.19', removed: '1.22', replacement: 'networking.k8s.io/v1', migration: 'safe' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'], deprecated: '1.17', removed: '1.22', replacement: 'rbac.authorization.k8s.io/v1', migration: 'safe' },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', kinds: ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'], deprecated: '1.17', removed: '1.22', replacement: 'rbac.authorization.k8s.io/v1', migration: 'unsafe' },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], deprecated: '1.16', removed: '1.22', replacement: 'admissionregistration.k8s.io/v1', migration: 'none', note: 'sideEffects and admissionReviewVersions are required and several defaults changed' },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: ['CustomResourceDefinition'], deprecated: '1.16', removed: '1.22', replacement: 'apiextensions.k8s.io/v1', migration: 'none', note: 'schemas, versions and conversion settings moved' },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], deprecated: '1.19', removed: '1.22', replacement: 'apiregistration.k8s.io/v1', migration: 'safe' },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['CertificateSigningRequest'], deprecated: '1.19', removed: '1.22', replacement: 'certificates.k8s.io/v1', migration: 'none', note: 'signerName and usages are required' },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], deprecated: '1.19', removed: '1.22', replacement: 'coordination.k8s.io/v1', migration: 'safe' },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], deprecated: '1.14', removed: '1.22', replacement: 'scheduling.k8s.io/v1', migration: 'safe' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver', 'StorageClass', 'VolumeAttachment'], deprecated: '1.19', removed: '1.22', replacement: 'storage.k8s.io/v1', migration: 'safe' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSINode'], deprecated: '1.17', removed: '1.22', replacement: 'storage.k8s.io/v1', migration: 'safe' },
  // Removed in 1.25.
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], deprecated: '1.21', removed: '1.25', replacement: 'batch/v1', migration: 'safe' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], deprecated: '1.21', removed: '1.25', replacement: 'policy/v1', migration: 'pdb' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], deprecated: '1.21', removed: '1.25', migration: 'none', note: 'PodSecurityPolicy has no successor API; use Pod Security Admission' },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], deprecated: '1.22', removed: '1.25', replacement: 'autoscaling/v2', migration: 'none', note: 'metric targets moved under target (for example targetAverageUtilization)' },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], deprecated: '1.21', removed: '1.25', replacement: 'discovery.k8s.io/v1', migration: 'unsafe', note: 'topology is replaced by nodeName and zone' },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], deprecated: '1.22', removed: '1.25', replacement: 'events.k8s.io/v1', migration: 'none', note: 'several fields were renamed or became required' },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], deprecated: '1.22', removed: '1.25', replacement: 'node.k8s.io/v1', migration: 'safe' },
  // Removed in 1.26.
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], deprecated: '1.23', removed: '1.26', replacement: 'autoscaling/v2', migration: 'unsafe' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: ['FlowSchema'], deprecated: '1.23', removed: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1', migration: 'unsafe' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: ['PriorityLevelConfiguration'], deprecated: '1.23', removed: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1', migration: 'none', note: 'assuredConcurrencyShares was renamed to nominalConcurrencyShares' },
  // Removed in 1.27.
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], deprecated: '1.24', removed: '1.27', replacement: 'storage.k8s.io/v1', migration: 'safe' },
  // Removed in 1.29.
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: ['FlowSchema'], deprecated: '1.26', removed: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1', migration: 'unsafe' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: ['PriorityLevelConfiguration'], deprecated: '1.26', removed: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1', migration: 'none', note: 'assuredConcurrencyShares was renamed to nominalConcurrencyShares' },
  // Removed in 1.32.
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecated: '1.29', removed: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1', migration: 'unsafe', note: 'an explicit nominalConcurrencyShares of 0 is no longer raised to 30' },
];

const INDEX = new Map<string, DeprecatedApi>();
for (const e of DEPRECATED_APIS) for (const k of e.kinds) INDEX.set(`${e.apiVersion}|${k}`, e);

export function lookupDeprecatedApi(apiVersion: string, kind: string): DeprecatedApi | undefined {
  return INDEX.get(`${apiVersion}|${kind}`);
}
