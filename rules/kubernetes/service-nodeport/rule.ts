// Flags Services of type NodePort, which open a port on every node of the cluster.
import { asMap, defineRule, getNode, getPair, seqItems } from '../../../server/src/engine/api';
import { canEditAsYaml, removePairCleanly, serviceType, type Edit } from '../_lib/network';

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
    const spec = ctx.object.spec;
    const typeNode = getNode(spec, 'type', ctx.doc);
    if (!spec || !typeNode || serviceType(ctx.object) !== 'NodePort') return;
    // ClusterIP Services reject nodePort and externalTrafficPolicy: the fix removes them, or is not offered.
    const edits: Array<Edit | undefined> = [ctx.edit.setScalar(typeNode, 'ClusterIP')];
    let complete = true;
    for (const item of seqItems(getNode(spec, 'ports', ctx.doc), ctx.doc)) {
      const port = asMap(item, ctx.doc);
      if (!port) { complete = false; continue; }
      if (!getPair(port, 'nodePort')) continue;
      const removal = removePairCleanly(ctx.edit, port, 'nodePort');
      if (!removal) complete = false;
      edits.push(removal);
    }
    if (getPair(spec, 'externalTrafficPolicy')) {
      const removal = removePairCleanly(ctx.edit, spec, 'externalTrafficPolicy');
      if (!removal) complete = false;
      edits.push(removal);
    }
    ctx.report({
      node: typeNode,
      message: `Service "${ctx.object.name ?? '(unnamed)'}" is of type NodePort, so its port is open on every node of the cluster.`,
      fix: complete && canEditAsYaml(ctx.object) ? ctx.fix('Change the type to ClusterIP', false, edits) : undefined,
    });
  },
});
