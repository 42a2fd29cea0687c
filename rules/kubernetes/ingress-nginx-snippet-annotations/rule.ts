// Flags ingress-nginx snippet annotations, which inject raw NGINX configuration into the shared controller.
import { asMap, defineRule, deref, getPair, mapEntries } from '../../../server/src/engine/api';
import { editableHere, removePairCleanly, writtenValue } from '../_lib/fields';
import { objectLabel } from '../_lib/names';
import { isKubernetesIngress } from '../_lib/network';

const PREFIX = 'nginx.ingress.kubernetes.io/';

export default defineRule({
  id: 'k8s/ingress-nginx-snippet-annotations',
  title: 'Ingresses do not inject NGINX configuration snippets',
  theme: 'network-exposure',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  appliesTo: { kinds: ['Ingress'] },
  aliases: ['checkov:CKV_K8S_153'],
  rationale:
    'The ingress-nginx `*-snippet` annotations (`configuration-snippet`, `server-snippet`, `auth-snippet`, `stream-snippet`, ' +
    '`modsecurity-snippet`) paste raw NGINX configuration into the controller that serves every Ingress of the cluster. Whoever can ' +
    'write an Ingress can then run Lua, read files such as the controller\'s service account token and every Secret it can see ' +
    '(CVE-2021-25742), or break routing for other tenants. Configuration injection through Ingress annotations was also at the ' +
    'heart of the 2025 "IngressNightmare" vulnerabilities (CVE-2025-1974 and related). For these reasons ingress-nginx disables ' +
    'snippet annotations by default since v1.9 (`allow-snippet-annotations: false`).',
  remediation: 'Replace the snippet with the dedicated ingress-nginx annotation or controller setting for what it does, and remove it.',
  check(ctx) {
    if (!isKubernetesIngress(ctx.object)) return;
    const metadata = ctx.object.metadata;
    const written = writtenValue(metadata, 'annotations');
    const annotations = asMap(written, ctx.doc);
    if (!written || !annotations) return;
    // Annotations reached through an alias are reported at the alias and left alone: the anchor serves other places.
    const here = editableHere(written, ctx.doc) && editableHere(writtenValue(ctx.object.root, 'metadata'), ctx.doc);
    for (const [key, , pair] of mapEntries(annotations, ctx.doc)) {
      if (!key.startsWith(PREFIX) || !key.endsWith('-snippet')) continue;
      const removal = annotations.items.length > 1
        ? removePairCleanly(ctx.edit, annotations, key)
        : getPair(metadata, 'annotations') && removePairCleanly(ctx.edit, metadata, 'annotations');
      ctx.report({
        node: deref(written, ctx.doc) === written ? pair : written,
        message: `${objectLabel(ctx.object)} injects raw NGINX configuration through ${key.slice(PREFIX.length)}, which runs with the ingress controller's privileges.`,
        fix: here ? ctx.fix(`Remove the ${key.slice(PREFIX.length)} annotation`, false, removal || undefined) : undefined,
      });
    }
  },
});
