// Kubernetes kind groups used by the model and by rule selectors.

export const WORKLOAD_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob'] as const;
/** Workloads whose pods are meant to keep running (probes, PDBs, replicas apply). */
export const LONG_RUNNING_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController'] as const;
/** Workloads with a `spec.replicas` count. */
export const REPLICATED_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'] as const;
export const BATCH_KINDS = ['Job', 'CronJob'] as const;
export const RBAC_ROLE_KINDS = ['Role', 'ClusterRole'] as const;
export const RBAC_BINDING_KINDS = ['RoleBinding', 'ClusterRoleBinding'] as const;
/** Kinds that do not live in a namespace. */
export const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition',
  'StorageClass', 'PriorityClass', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration',
  'APIService', 'IngressClass', 'RuntimeClass', 'CSIDriver', 'VolumeAttachment', 'PodSecurityPolicy',
  'ClusterIssuer', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'CSINode', 'ComponentStatus',
]);
