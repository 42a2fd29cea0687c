// Flags LoadBalancer Services that get an internet-facing load balancer open to every source address.
import { asMap, defineRule, getNode, mapEntries, str } from '../../../server/src/engine/api';
import { exactStrings, writtenValue } from '../_lib/fields';
import { objectLabel } from '../_lib/names';
import { isCoreService, isOpenCidr, isPrivateAddress, serviceType } from '../_lib/network';

/** Annotations that make the cloud provision an internal load balancer, with the values that mean so (lower case). */
const INTERNAL_ANNOTATIONS: Record<string, (v: string) => boolean> = {
  // AWS in-tree and cloud-controller-manager: any value but "false" (older docs used "0.0.0.0/0").
  'service.beta.kubernetes.io/aws-load-balancer-internal': (v) => v !== 'false',
  // AWS Load Balancer Controller.
  'service.beta.kubernetes.io/aws-load-balancer-scheme': (v) => v === 'internal',
  // Google Kubernetes Engine (current and older annotation).
  'networking.gke.io/load-balancer-type': (v) => v === 'internal',
  'cloud.google.com/load-balancer-type': (v) => v === 'internal',
  // Azure.
  'service.beta.kubernetes.io/azure-load-balancer-internal': (v) => v === 'true',
  // Oracle Cloud (load balancer and network load balancer).
  'service.beta.kubernetes.io/oci-load-balancer-internal': (v) => v === 'true',
  'oci-network-load-balancer.oraclecloud.com/internal': (v) => v === 'true',
  // OpenStack.
  'service.beta.kubernetes.io/openstack-internal-load-balancer': (v) => v === 'true',
  // IBM Cloud.
  'service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type': (v) => v === 'private',
  // Alibaba Cloud.
  'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type': (v) => v === 'intranet',
  // Tencent Cloud: an internal subnet id.
  'service.kubernetes.io/qcloud-loadbalancer-internal-subnetid': (v) => v !== '',
  // Hetzner Cloud and Scaleway.
  'load-balancer.hetzner.cloud/disable-public-network': (v) => v === 'true',
  'service.beta.kubernetes.io/scw-loadbalancer-private': (v) => v === 'true',
};

/** Annotation prefixes of on-premises load balancers, whose address pools may well be private: exposure unknown. */
const SITE_POOL_PREFIXES = ['metallb.universe.tf/', 'metallb.io/', 'kube-vip.io/', 'io.cilium/', 'lbipam.cilium.io/', 'purelb.io/'];

const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const AWS_SCHEME = 'service.beta.kubernetes.io/aws-load-balancer-scheme';
const AWS_TYPE = 'service.beta.kubernetes.io/aws-load-balancer-type';

/** Source CIDRs that restrict who can connect (none of them open to all). */
function restricts(cidrs: string[]): boolean {
  const list = cidrs.map((c) => c.trim()).filter((c) => c !== '');
  return list.length > 0 && !list.some(isOpenCidr);
}

export default defineRule({
  id: 'k8s/service-public-loadbalancer',
  title: 'LoadBalancer Services are internal or restricted to known sources',
  theme: 'network-exposure',
  severity: 'info',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: false,
  appliesTo: { kinds: ['Service'] },
  aliases: ['kube-linter:exposed-services', 'kics:26763a1c-5dda-4772-b507-5fca7fb5f165'],
  rationale:
    'On a cloud provider, a `LoadBalancer` Service provisions an internet-facing load balancer by default, reachable from any address. ' +
    'That is right for the one entry point of a public site (usually the ingress controller), and a risk for everything else: databases, ' +
    'admin consoles and internal APIs published this way are found by scanners within minutes.\n\n' +
    'The rule accepts the internal-load-balancer annotations of AWS (`aws-load-balancer-internal`, `aws-load-balancer-scheme: internal`, ' +
    'and the AWS Load Balancer Controller\'s internal default), GKE (`networking.gke.io/load-balancer-type: Internal`), Azure ' +
    '(`azure-load-balancer-internal: "true"`), Oracle, OpenStack, IBM, Alibaba, Tencent, Hetzner and Scaleway, a private ' +
    '`loadBalancerIP`, and `loadBalancerSourceRanges` (or its annotation) that do not include `0.0.0.0/0`. Services handled by ' +
    'another `loadBalancerClass` or by on-premises load balancers (MetalLB, kube-vip, Cilium, PureLB) are not reported: their ' +
    'address pools are often private.',
  remediation: 'Add your cloud\'s internal-load-balancer annotation, or set `loadBalancerSourceRanges` to the networks that need access.',
  check(ctx) {
    const o = ctx.object;
    const spec = o.spec;
    const typeNode = writtenValue(spec, 'type');
    if (!isCoreService(o) || !spec || !typeNode || serviceType(o) !== 'LoadBalancer') return;

    // Annotations: any relevant one that cannot be read exactly makes the exposure unknown.
    const annotationsNode = getNode(o.metadata, 'annotations', ctx.doc);
    if (annotationsNode && !asMap(annotationsNode, ctx.doc)) return;
    const ann = new Map<string, string>();
    for (const [key, node] of mapEntries(annotationsNode, ctx.doc)) {
      const relevant = key in INTERNAL_ANNOTATIONS || key === SOURCE_RANGES_ANNOTATION || key === AWS_TYPE || SITE_POOL_PREFIXES.some((p) => key.startsWith(p));
      if (!relevant) continue;
      const value = str(node, ctx.doc);
      if (value === undefined) return;
      ann.set(key, value.trim());
    }
    for (const [key, value] of ann) {
      if (INTERNAL_ANNOTATIONS[key]?.(value.toLowerCase())) return;
      if (SITE_POOL_PREFIXES.some((p) => key.startsWith(p))) return;
    }

    // A load balancer class other than the AWS controller's is a different implementation: unknown.
    const classNode = getNode(spec, 'loadBalancerClass', ctx.doc);
    const lbClass = classNode ? str(classNode, ctx.doc) : undefined;
    if (classNode && lbClass !== 'service.k8s.aws/nlb') return;
    // The AWS Load Balancer Controller makes internal load balancers unless told otherwise.
    const awsType = ann.get(AWS_TYPE)?.toLowerCase();
    if (!ann.has(AWS_SCHEME) && (lbClass === 'service.k8s.aws/nlb' || awsType === 'external' || awsType === 'nlb-ip')) return;

    const ipNode = getNode(spec, 'loadBalancerIP', ctx.doc);
    if (ipNode) {
      const ip = str(ipNode, ctx.doc);
      if (ip === undefined || isPrivateAddress(ip) !== false) return;
    }

    const rangesNode = getNode(spec, 'loadBalancerSourceRanges', ctx.doc);
    if (rangesNode) {
      const ranges = exactStrings(rangesNode, ctx.doc);
      if (!ranges || restricts(ranges)) return;
    }
    const rangesAnnotation = ann.get(SOURCE_RANGES_ANNOTATION);
    if (rangesAnnotation !== undefined && restricts(rangesAnnotation.split(','))) return;

    ctx.report({
      node: typeNode,
      message: `${objectLabel(o)} gets an internet-facing load balancer open to every source address (no internal-load-balancer annotation or loadBalancerSourceRanges).`,
    });
  },
});
