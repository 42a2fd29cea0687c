// Flags probes whose port is not among the ports the container (or, for a number, the pod) declares.
import { asMap, asSeq, defineRule, getNode, getPair, num, seqItems, str, WORKLOAD_KINDS, type Container } from '../../../server/src/engine/api';
import { containerLabel } from '../_lib/names';
import { field, hasMergeKey, localValue, type AnyCtx } from '../_lib/fields';

const PROBES = [['livenessProbe', 'Liveness'], ['readinessProbe', 'Readiness'], ['startupProbe', 'Startup']] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

interface DeclaredPorts { names: Set<string>; numbers: Set<number> }

/** The ports a container declares; an empty set when it has no `ports`; undefined when they cannot be read. */
function declaredPorts(ctx: AnyCtx, c: Container): DeclaredPorts | undefined {
  const out: DeclaredPorts = { names: new Set(), numbers: new Set() };
  const f = field(c.map, 'ports', ctx.doc);
  if (f.state === 'absent' || f.state === 'null') return out;
  if (f.state !== 'value') return undefined;
  const seq = asSeq(f.node, ctx.doc);
  const items = seqItems(seq, ctx.doc);
  if (!seq || items.length !== seq.items.length) return undefined;
  for (const item of items) {
    const m = asMap(item, ctx.doc);
    if (!m || hasMergeKey(m)) return undefined;
    const nameNode = getNode(m, 'name', ctx.doc);
    if (nameNode) {
      const name = str(nameNode, ctx.doc);
      if (name === undefined) return undefined;
      out.names.add(name);
    }
    const n = num(getNode(m, 'containerPort', ctx.doc), ctx.doc);
    if (n === undefined) return undefined;
    out.numbers.add(n);
  }
  return out;
}

export default defineRule({
  id: 'k8s/probe-port-not-declared',
  title: 'Probes target a port the container declares',
  theme: 'probes',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: false,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: ['kube-linter:liveness-port', 'kube-linter:readiness-port', 'kube-linter:startup-port'],
  rationale:
    'The kubelet resolves a named probe port (`port: http`) against the `ports` of the same container only. A name that the ' +
    'container does not declare cannot be resolved, so the probe fails every time: a liveness or startup probe then restarts ' +
    'the container in a loop, and a readiness probe keeps the pod out of its Services for good.\n\n' +
    'A numbered port works whatever `ports` says, but when the pod declares its ports and none of them is the probe\'s, the ' +
    'number is usually a typo or a leftover from a port change. A numbered probe on a container without any `ports` list is ' +
    'not reported: there is nothing to compare with.',
  remediation: 'Point the probe at a port the container declares (by name or number), or declare the port in the container\'s `ports`.',
  check(ctx) {
    const containers = ctx.object.containers.filter((c) => c.kind !== 'ephemeralContainer');
    let podPorts: DeclaredPorts | null | undefined = null; // null: not computed yet; undefined: unknown
    const podNumbers = (): DeclaredPorts | undefined => {
      if (podPorts !== null) return podPorts;
      const all: DeclaredPorts = { names: new Set(), numbers: new Set() };
      for (const other of containers) {
        const p = declaredPorts(ctx, other);
        if (!p) return (podPorts = undefined);
        p.numbers.forEach((n) => all.numbers.add(n));
      }
      return (podPorts = all);
    };
    for (const c of containers) {
      for (const [key, word] of PROBES) {
        const pf = field(c.map, key, ctx.doc);
        if (pf.state !== 'value') continue;
        const probe = asMap(pf.node, ctx.doc);
        if (!probe || hasMergeKey(probe)) continue;
        for (const handler of HANDLERS) {
          const h = asMap(getNode(probe, handler, ctx.doc), ctx.doc);
          if (!h || hasMergeKey(h)) continue;
          const portNode = getNode(h, 'port', ctx.doc);
          const portPair = getPair(h, 'port');
          if (!portNode || !portPair) continue;
          const here = localValue(portPair) ?? portNode;
          const n = num(portNode, ctx.doc);
          const s = n === undefined ? str(portNode, ctx.doc) : undefined;
          const own = declaredPorts(ctx, c);
          if (!own) continue;
          if (n !== undefined) {
            if (!Number.isInteger(n) || own.numbers.size === 0) continue;
            const pod = podNumbers();
            if (!pod || pod.numbers.has(n)) continue;
            ctx.report({
              node: here,
              message: `${word} probe of ${containerLabel(c)} targets port ${n}, which no container of the pod declares.`,
            });
          } else if (s !== undefined && handler !== 'grpc' && !/^\d+$/.test(s)) {
            if (own.names.has(s)) continue;
            ctx.report({
              node: here,
              message: `${word} probe of ${containerLabel(c)} targets port "${s}", which the container does not declare, so the probe always fails.`,
            });
          }
        }
      }
    }
  },
});
