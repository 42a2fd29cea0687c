// Flags Ingresses that serve hosts over plain HTTP: no tls section, or hosts the tls section does not cover.
import { asMap, asSeq, defineRule, deref, getNode, getPair, isNullish, mapEntries, PLACEHOLDER, seqItems, str, type K8sContext, type YNode } from '../../../server/src/engine/api';
import { editableHere, exactStrings, writtenValue, type Edit } from '../_lib/fields';
import { objectLabel } from '../_lib/names';
import { isKubernetesIngress } from '../_lib/network';

/** Annotations through which controllers terminate TLS without a tls section (value test on the lower-cased value). */
const TLS_ANNOTATIONS: Record<string, (v: string) => boolean> = {
  'alb.ingress.kubernetes.io/certificate-arn': (v) => v !== '',
  'alb.ingress.kubernetes.io/listen-ports': (v) => v.includes('https'),
  'ingress.gcp.kubernetes.io/pre-shared-cert': (v) => v !== '',
  'networking.gke.io/managed-certificates': (v) => v !== '',
  'kubernetes.io/ingress.allow-http': (v) => v === 'false',
  'appgw.ingress.kubernetes.io/appgw-ssl-certificate': (v) => v !== '',
  'traefik.ingress.kubernetes.io/router.tls': (v) => v === 'true',
  'traefik.ingress.kubernetes.io/router.entrypoints': (v) => v.includes('websecure'),
  'konghq.com/protocols': (v) => !v.split(',').map((p) => p.trim()).some((p) => p === 'http' || p === 'grpc'),
};

/** Whether a tls host (possibly `*.example.com`) covers a rule host. */
function covers(tlsHost: string, host: string): boolean {
  const t = tlsHost.toLowerCase(), h = host.toLowerCase();
  if (t === h) return true;
  if (!t.startsWith('*.') || h.startsWith('*.')) return false;
  const suffix = t.slice(1);
  return h.endsWith(suffix) && !h.slice(0, -suffix.length).includes('.') && h.length > suffix.length;
}

/** A Secret name derived from a host or object name: lower case, DNS-1123, ending in `-tls`. */
function secretNameFor(base: string): string {
  const clean = base.toLowerCase().replace(/^\*\./, 'wildcard.').replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 240);
  return `${clean || 'ingress'}-tls`;
}

/**
 * Puts the placeholder marker after the generated secretName where it ends a line of block YAML. The
 * editor takes no comment for a key inside an inserted value, so the marker goes into its output here.
 * JSON has no comments and gets no fix: a guessed Secret name would look real there.
 */
function markSecretName(ctx: K8sContext<object>, edits: Edit[]): Edit[] | undefined {
  if (ctx.edit.json) return undefined;
  return edits.map((e) => ({ ...e, newText: e.newText.replace(/^(\s*(?:- )?secretName: [^\s#{},]+)$/m, `$1  # ${PLACEHOLDER}`) }));
}

export default defineRule({
  id: 'k8s/ingress-without-tls',
  title: 'Ingress hosts are served over TLS',
  theme: 'network-exposure',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  appliesTo: { kinds: ['Ingress'] },
  aliases: ['polaris:tlsSettingsMissing'],
  rationale:
    'An Ingress host that no `tls` entry lists is served over plain HTTP: credentials, session cookies and data cross the network ' +
    'readable and modifiable by anyone on the path, and browsers mark the site as not secure. Listing every host under `tls` with ' +
    'a certificate Secret (which cert-manager can issue and renew) lets the controller terminate TLS and redirect HTTP to HTTPS.\n\n' +
    'TLS configured through controller annotations instead of a `tls` section (an AWS ALB `certificate-arn` or HTTPS listener, GKE ' +
    'pre-shared or managed certificates, `kubernetes.io/ingress.allow-http: "false"`, Azure Application Gateway certificates, ' +
    'Traefik `router.tls` or its `websecure` entry point, Kong https-only protocols) is accepted. A tls entry without `hosts`, or hosts ' +
    'the tool cannot read, leaves coverage unknown and is not reported.',
  remediation: 'Add a `tls` entry listing every host of the rules, with the Secret that holds its certificate.',
  check(ctx) {
    const o = ctx.object;
    const spec = o.spec;
    const rulesPair = getPair(spec, 'rules');
    const rules = asSeq(getNode(spec, 'rules', ctx.doc), ctx.doc);
    if (!isKubernetesIngress(o) || !spec || !rulesPair || !rules || rules.items.length === 0) return;
    if (o.labels['acme.cert-manager.io/http01-solver'] !== undefined) return;

    const annotationsNode = getNode(o.metadata, 'annotations', ctx.doc);
    if (annotationsNode && !asMap(annotationsNode, ctx.doc)) return;
    for (const [key, node] of mapEntries(annotationsNode, ctx.doc)) {
      const test = TLS_ANNOTATIONS[key];
      if (!test) continue;
      const value = str(node, ctx.doc);
      if (value === undefined || test(value.trim().toLowerCase())) return;
    }

    // Hosts with the node to report: the host value, or the rule item when it is an alias to a rule written elsewhere.
    const hosts: Array<{ host: string; node: YNode }> = [];
    let allHostsKnown = true;
    for (const item of rules.items) {
      const map = asMap(item, ctx.doc);
      const hostNode = writtenValue(map, 'host');
      const host = hostNode ? str(hostNode, ctx.doc) : undefined;
      if (!map || (hostNode && host === undefined)) allHostsKnown = false;
      else if (hostNode && host) hosts.push({ host, node: deref(item, ctx.doc) === item ? hostNode : (item as YNode) });
    }

    const tlsNode = getNode(spec, 'tls', ctx.doc);
    const tlsSeq = asSeq(tlsNode, ctx.doc);
    const specHere = editableHere(writtenValue(o.root, 'spec'), ctx.doc);
    if (tlsNode && !tlsSeq && !isNullish(tlsNode)) return;
    const tlsItems = seqItems(tlsSeq, ctx.doc);
    if (tlsItems.length === 0) {
      const unique = [...new Set(hosts.map((h) => h.host))];
      const fix = allHostsKnown && unique.length > 0 && specHere && (!tlsNode || editableHere(writtenValue(spec, 'tls'), ctx.doc))
        ? ctx.fix('Add a tls section for the hosts', false, markSecretName(ctx, ctx.edit.setIn(spec, ['tls'], [{ hosts: unique, secretName: secretNameFor(o.name ?? unique[0]) }])))
        : undefined;
      const why = tlsSeq ? 'its tls section is empty' : 'it has no tls section';
      ctx.report({
        node: rulesPair,
        message: unique.length > 0
          ? `${objectLabel(o)} serves ${unique.map((h) => `"${h}"`).join(', ')} over plain HTTP: ${why}.`
          : `${objectLabel(o)} serves its rules over plain HTTP: ${why}.`,
        fix,
      });
      return;
    }

    // A tls entry without hosts, or with hosts the tool cannot read, leaves coverage unknown.
    const tlsHosts: string[] = [];
    for (const item of tlsItems) {
      const list = exactStrings(getNode(asMap(item, ctx.doc), 'hosts', ctx.doc), ctx.doc);
      if (!list) return;
      tlsHosts.push(...list);
    }
    const seen = new Set<string>();
    for (const { host, node } of hosts) {
      if (seen.has(host.toLowerCase()) || tlsHosts.some((t) => covers(t, host))) continue;
      seen.add(host.toLowerCase());
      const edit = tlsSeq && specHere && editableHere(writtenValue(spec, 'tls'), ctx.doc) ? ctx.edit.appendToSeq(tlsSeq, { hosts: [host], secretName: secretNameFor(host) }) : undefined;
      ctx.report({
        node,
        message: `Host "${host}" of ${objectLabel(o)} is not listed under tls, so it is served over plain HTTP.`,
        fix: edit ? ctx.fix(`Add a tls entry for ${host}`, false, markSecretName(ctx, [edit])) : undefined,
      });
    }
  },
});
