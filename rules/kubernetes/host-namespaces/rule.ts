// Flags pods that share the node's network, process or IPC namespace (hostNetwork, hostPID, hostIPC: true).
import { bool, defineRule, WORKLOAD_KINDS } from '../../../server/src/engine/api';
import { field } from '../_lib/fields';
import { objectLabel } from '../_lib/names';
import { aliasOnPath, sharedOnPath } from '../_lib/securityContext';

const NAMESPACES: ReadonlyArray<[key: string, what: string]> = [
  ['hostNetwork', 'the node\'s network namespace: its containers see every interface of the node and can bind its ports'],
  ['hostPID', 'the node\'s process namespace: its containers see every process of the node and can signal or trace them'],
  ['hostIPC', 'the node\'s IPC namespace: its containers can reach the shared memory of processes on the node'],
];

export default defineRule({
  id: 'k8s/host-namespaces',
  title: 'Pods do not share the node\'s network, process or IPC namespace',
  theme: 'least-privilege',
  severity: 'error',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: [
    'kube-linter:host-network', 'kube-linter:host-pid', 'kube-linter:host-ipc',
    'checkov:CKV_K8S_17', 'checkov:CKV_K8S_18', 'checkov:CKV_K8S_19',
    'polaris:hostNetworkSet', 'polaris:hostPIDSet', 'polaris:hostIPCSet',
    'trivy:KSV008', 'trivy:KSV009', 'trivy:KSV010',
  ],
  rationale:
    'Namespaces are what keep a container from seeing the rest of the node. With `hostNetwork: true` the pod uses the node\'s ' +
    'network stack: it can reach services bound to the node\'s loopback, sniff traffic with `NET_RAW`, and bypasses network ' +
    'policies and service-mesh encryption. `hostPID: true` shows it every process of the node (with their environment and ' +
    'command lines, secrets included) and lets it signal or trace them; `hostIPC: true` shares the node\'s shared memory and ' +
    'message queues. The baseline Pod Security Standard forbids all three.\n\n' +
    'Some node agents (CNI plugins, node exporters) need them and should be exempted explicitly. The fix sets the field to ' +
    '`false`; it is not applied by fix-all because such an agent stops working without it.',
  remediation: 'Remove `hostNetwork`, `hostPID` and `hostIPC` from the pod spec (or set them to false), or exempt node agents that need them.',
  check(ctx) {
    const spec = ctx.object.pod?.spec;
    if (!spec) return;
    for (const [key, what] of NAMESPACES) {
      const look = field(spec, key, ctx.doc);
      if (look.state !== 'value' || bool(look.node, ctx.doc) !== true) continue;
      const alias = aliasOnPath(spec, [key], ctx.doc);
      ctx.report({
        node: alias ?? look.node,
        message: `${objectLabel(ctx.object)} sets ${key}: true, sharing ${what}.`,
        fix: !sharedOnPath(spec, [key], ctx.doc) ? ctx.fix(`Set ${key}: false`, false, ctx.edit.setScalar(look.node, false)) : undefined,
      });
    }
  },
});
