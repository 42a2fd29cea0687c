// Flags container ports bound to a port of the node (hostPort).
import { asMap, asSeq, bool, defineRule, getNode, num, WORKLOAD_KINDS, type YNode } from '../../../server/src/engine/api';
import { containerLabel, upperFirst } from '../_lib/names';
import { field, removePairCleanly } from '../_lib/fields';
import { aliasOnPath, sharedOnPath } from '../_lib/securityContext';

export default defineRule({
  id: 'k8s/host-port',
  title: 'Containers do not bind ports of the node (hostPort)',
  theme: 'least-privilege',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: ['checkov:CKV_K8S_26', 'polaris:hostPortSet', 'trivy:KSV024'],
  rationale:
    'A `hostPort` opens the container port on the node\'s own address. It exposes the pod outside the cluster\'s service and ' +
    'network-policy model (traffic to the node port reaches it whatever the policies say in many CNI setups), and it ties ' +
    'scheduling to free ports: two replicas cannot share a node, and a rollout can stall. A Service (`ClusterIP`, or ' +
    '`NodePort`/`LoadBalancer` when outside access is wanted) exposes the pod without either problem. The baseline Pod ' +
    'Security Standard forbids host ports.\n\n' +
    'App and init containers are checked; ephemeral containers cannot declare ports. Pods with `hostNetwork: true` are left to ' +
    '`k8s/host-namespaces`: every port they open is a node port anyway. The fix removes `hostPort`; it is not applied by ' +
    'fix-all because whatever reaches the pod through the node port then needs a Service instead.',
  remediation: 'Remove `hostPort` and expose the pod through a Service.',
  check(ctx) {
    const spec = ctx.object.pod?.spec;
    if (!spec) return;
    const hostNetwork = field(spec, 'hostNetwork', ctx.doc);
    if (hostNetwork.state === 'unknown' || (hostNetwork.state === 'value' && bool(hostNetwork.node, ctx.doc) !== false)) return;
    for (const c of ctx.object.containers) {
      if (c.kind === 'ephemeralContainer') continue;
      const listAlias = aliasOnPath(c.map, ['ports'], ctx.doc);
      for (const raw of asSeq(getNode(c.map, 'ports', ctx.doc), ctx.doc)?.items ?? []) {
        const port = asMap(raw, ctx.doc);
        if (!port) continue;
        // A port item that is an alias lives elsewhere: editing it would change every place that uses it.
        const shared = listAlias !== undefined || port !== raw || sharedOnPath(port, ['hostPort'], ctx.doc);
        const look = field(port, 'hostPort', ctx.doc);
        if (look.state !== 'value') continue;
        const value = num(look.node, ctx.doc);
        if (value === undefined || value <= 0) continue;
        const alias = aliasOnPath(port, ['hostPort'], ctx.doc);
        ctx.report({
          node: listAlias ?? (port !== raw ? (raw as YNode) : undefined) ?? alias ?? look.node,
          message: `${upperFirst(containerLabel(c))} binds port ${value} of the node (hostPort).`,
          // A port holding nothing but hostPort gets no fix: removing it would leave an empty port item.
          fix: !shared ? ctx.fix('Remove hostPort', false, removePairCleanly(ctx.edit, port, 'hostPort')) : undefined,
        });
      }
    }
  },
});
