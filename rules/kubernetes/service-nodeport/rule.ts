// Flags Services of type NodePort, which open a port on every node of the cluster.
import { asMap, asSeq, defineRule, getPair } from '../../../server/src/engine/api';
import { editableHere, removePairCleanly, writtenValue, type Edit } from '../_lib/fields';
import { objectLabel } from '../_lib/names';
import { isCoreService, serviceType } from '../_lib/network';

export default defineRule({
  id: 'k8s/service-nodeport',
  title: 'Services are not exposed through node ports',
  theme: 'network-exposure',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  appliesTo: { kinds: ['Service'] },
  aliases: ['kube-score:service-type', 'kube-linter:exposed-services', 'kics:845acfbe-3e10-4b8e-b656-3b404d36dfb2'],
  rationale:
    'A NodePort Service opens the same port on every node, on every node address, for as long as the Service exists. Anyone who can ' +
    'reach a node reaches the pods, bypassing the ingress layer (TLS, authentication, rate limits), and NetworkPolicies usually cannot ' +
    'tell that traffic from traffic inside the cluster once it is forwarded. Node addresses are often more reachable than intended.\n\n' +
    'Keep Services `ClusterIP` and publish them through an Ingress or Gateway, or through a LoadBalancer that can be restricted.',
  remediation: 'Use `type: ClusterIP` and expose the Service through an Ingress, a Gateway or a restricted LoadBalancer.',
  check(ctx) {
    const o = ctx.object;
    const spec = o.spec;
    const typeNode = writtenValue(spec, 'type');
    if (!isCoreService(o) || !spec || !typeNode || serviceType(o) !== 'NodePort') return;
    // ClusterIP Services reject nodePort and externalTrafficPolicy: the fix removes them, or is not offered.
    // Nothing reached through an alias or carrying an anchor is edited: other places would change too.
    const edits: Array<Edit | undefined> = [editableHere(typeNode, ctx.doc) ? ctx.edit.setScalar(typeNode, 'ClusterIP') : undefined];
    const specHere = editableHere(writtenValue(o.root, 'spec'), ctx.doc);
    const portsNode = writtenValue(spec, 'ports');
    for (const item of asSeq(portsNode, ctx.doc)?.items ?? []) {
      const port = asMap(item, ctx.doc);
      if (!port || !getPair(port, 'nodePort')) continue;
      edits.push(specHere && editableHere(portsNode, ctx.doc) && editableHere(item, ctx.doc) ? removePairCleanly(ctx.edit, port, 'nodePort') : undefined);
    }
    if (getPair(spec, 'externalTrafficPolicy')) edits.push(specHere ? removePairCleanly(ctx.edit, spec, 'externalTrafficPolicy') : undefined);
    const complete = edits.every((e) => e !== undefined);
    ctx.report({
      node: typeNode,
      message: `${objectLabel(o)} is of type NodePort, so its port is open on every node of the cluster.`,
      fix: complete ? ctx.fix('Change the type to ClusterIP', false, edits) : undefined,
    });
  },
});
