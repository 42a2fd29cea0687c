// Flags Services that set spec.externalIPs, which can capture traffic for any address (CVE-2020-8554).
import { defineRule, getNode, getPair, seqItems } from '../../../server/src/engine/api';
import { editableHere, removePairCleanly, writtenValue } from '../_lib/fields';
import { objectLabel } from '../_lib/names';
import { isCoreService } from '../_lib/network';

export default defineRule({
  id: 'k8s/service-external-ips',
  title: 'Services do not set externalIPs',
  theme: 'network-exposure',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  appliesTo: { kinds: ['Service'] },
  aliases: ['trivy:AVD-KSV-0108'],
  rationale:
    'Nodes route traffic for every address in a Service\'s `spec.externalIPs` to that Service\'s pods, and Kubernetes does not check ' +
    'who owns the address. Anyone allowed to create a Service can therefore intercept traffic that pods or nodes send to any IP, ' +
    'including public services (CVE-2020-8554, which has no fix in Kubernetes itself: clusters are told to block the field with an ' +
    'admission policy). Legitimate uses are rare and better served by a LoadBalancer or an ingress.',
  remediation: 'Remove `spec.externalIPs` and publish the Service through a LoadBalancer, an Ingress or a Gateway.',
  check(ctx) {
    const spec = ctx.object.spec;
    const pair = getPair(spec, 'externalIPs');
    const ips = seqItems(getNode(spec, 'externalIPs', ctx.doc), ctx.doc);
    if (!isCoreService(ctx.object) || !pair || ips.length === 0) return;
    ctx.report({
      node: pair,
      message: `${objectLabel(ctx.object)} sets externalIPs, so nodes route traffic for ${ips.length === 1 ? 'that address' : 'those addresses'} to its pods whoever owns ${ips.length === 1 ? 'it' : 'them'}.`,
      fix: editableHere(writtenValue(ctx.object.root, 'spec'), ctx.doc) ? ctx.fix('Remove externalIPs', false, removePairCleanly(ctx.edit, spec, 'externalIPs')) : undefined,
    });
  },
});
