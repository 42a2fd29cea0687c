// Flags containers that listen on port 22 (SSH) or another port below 1024, and Services that forward to port 22.
import { asMap, asSeq, defineRule, deref, getNode, getPair, num, str, WORKLOAD_KINDS, type YNode } from '../../../server/src/engine/api';
import { containerLabel, objectLabel, upperFirst } from '../_lib/names';
import { writtenValue, type Doc } from '../_lib/fields';
import { isCoreService } from '../_lib/network';

const SSH_PORT = 22;

/** The protocol of a port entry (TCP when absent); undefined when it cannot be read. */
function protocolOf(port: ReturnType<typeof asMap>, doc: Parameters<typeof str>[1]): string | undefined {
  const node = getNode(port, 'protocol', doc);
  return node ? str(node, doc)?.toUpperCase() : 'TCP';
}

/** Where to point: the value, or the list item when the item is an alias to a port written elsewhere. */
function localTarget(item: unknown, node: YNode, doc: Doc): YNode {
  return deref(item, doc) === item ? node : (item as YNode);
}

export default defineRule({
  id: 'k8s/privileged-or-ssh-port',
  title: 'Containers do not listen on SSH or privileged ports',
  theme: 'network-exposure',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: false,
  appliesTo: { kinds: [...WORKLOAD_KINDS, 'Service'] },
  aliases: ['kube-linter:ssh-port', 'kube-linter:privileged-ports', 'trivy:KSV117'],
  rationale:
    'Port 22 means an SSH server in the pod: a second way in, with its own credentials to leak and brute-force, that bypasses ' +
    'the audited `kubectl exec` path. Containers are replaced, not logged into; debugging belongs to `kubectl exec` or ' +
    '`kubectl debug`.\n\n' +
    'A `containerPort` below 1024 is a privileged port: on nodes whose runtime keeps the kernel default, binding it takes root or ' +
    'the `NET_BIND_SERVICE` capability, which keeps the container from running as a non-root user with every capability dropped ' +
    '(newer runtimes lower the limit inside pods, but a manifest cannot count on it). Listening on a high port (8080 instead of 80) ' +
    'and mapping the well-known port in the Service (`port: 80`, `targetPort: 8080`) costs nothing; these findings are ' +
    'information, SSH findings warnings. Service ports themselves are virtual and may be low; a Service is reported only when it ' +
    'forwards to port 22 of its pods.',
  remediation: 'Listen on a port of 1024 or above (and map the public port in the Service); remove SSH servers from containers.',
  check(ctx) {
    const o = ctx.object;
    if (o.kind === 'Service') {
      if (!isCoreService(o)) return;
      for (const item of asSeq(getNode(o.spec, 'ports', ctx.doc), ctx.doc)?.items ?? []) {
        const port = asMap(item, ctx.doc);
        if (!port || protocolOf(port, ctx.doc) !== 'TCP') continue;
        const node = writtenValue(port, 'targetPort') ?? (getPair(port, 'targetPort') ? undefined : writtenValue(port, 'port'));
        if (!node || num(node, ctx.doc) !== SSH_PORT) continue;
        ctx.report({
          node: localTarget(item, node, ctx.doc),
          message: `${objectLabel(o)} forwards to port 22 (SSH) of its pods.`,
        });
      }
      return;
    }
    for (const c of o.containers) {
      if (c.kind === 'ephemeralContainer') continue;
      for (const item of asSeq(getNode(c.map, 'ports', ctx.doc), ctx.doc)?.items ?? []) {
        const port = asMap(item, ctx.doc);
        const node = writtenValue(port, 'containerPort');
        const value = num(node, ctx.doc);
        if (!node || value === undefined || !Number.isInteger(value) || value < 1 || value >= 1024) continue;
        const ssh = value === SSH_PORT && protocolOf(port, ctx.doc) === 'TCP';
        ctx.report({
          node: localTarget(item, node, ctx.doc),
          message: ssh
            ? `${upperFirst(containerLabel(c))} listens on port 22 (SSH), a way into the pod that bypasses kubectl exec.`
            : `${upperFirst(containerLabel(c))} listens on privileged port ${value}, which can require root or the NET_BIND_SERVICE capability.`,
          // A low port is a hardening point; an SSH server is an access path.
          severity: ssh ? undefined : 'info',
        });
      }
    }
  },
});
