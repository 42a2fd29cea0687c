// Flags objects whose apiVersion is deprecated or removed for their kind at the target Kubernetes version; rewrites it where safe.
import { asMap, defineRule, getNode, isNullish, mapEntries, seqItems, type K8sContext, type YNode } from '../../../server/src/engine/api';
import { objectLabel } from '../_lib/names';
import { lookupDeprecatedApi, type DeprecatedApi } from './apiTable';

type Version = [number, number];

function parseVersion(v: string): Version | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

function atLeast(a: Version, b: Version): boolean {
  return a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);
}

/** Whether a label selector map selects something: at least one matchLabels entry or matchExpressions item. */
function selectorIsEmpty(node: YNode, ctx: K8sContext<object>): boolean | undefined {
  const map = asMap(node, ctx.doc);
  if (!map) return undefined;
  for (const [key, value] of mapEntries(map, ctx.doc)) {
    if (key === 'matchLabels') {
      if (isNullish(value)) continue;
      if (!asMap(value, ctx.doc)) return undefined;
      if (mapEntries(value, ctx.doc).length > 0) return false;
    } else if (key === 'matchExpressions') {
      if (isNullish(value)) continue;
      if (seqItems(value, ctx.doc).length > 0) return false;
      if (!(value as { items?: unknown[] }).items) return undefined;
    } else {
      return undefined;
    }
  }
  return true;
}

/** Whether the rewrite is offered and if it is safe; undefined when no rewrite is offered. */
function rewriteSafety(entry: DeprecatedApi, ctx: K8sContext<object>): boolean | undefined {
  const spec = ctx.object.spec;
  switch (entry.migration) {
    case 'safe': return true;
    case 'unsafe': return false;
    case 'none': return undefined;
    case 'workload': {
      // apps/v1 requires a selector and no longer has rollbackTo or templateGeneration.
      if (!spec || !asMap(getNode(spec, 'selector', ctx.doc), ctx.doc)) return undefined;
      if (getNode(spec, 'rollbackTo', ctx.doc) || getNode(spec, 'templateGeneration', ctx.doc)) return undefined;
      return false;
    }
    case 'pdb': {
      const selector = spec ? getNode(spec, 'selector', ctx.doc) : undefined;
      // No selector selects no pods in both versions; an empty one selects nothing in v1beta1 but every pod in v1.
      if (!selector || isNullish(selector)) return true;
      const empty = selectorIsEmpty(selector, ctx);
      if (empty === true) return undefined;
      return empty === false ? true : false;
    }
  }
}

export default defineRule({
  id: 'k8s/deprecated-api-version',
  title: 'Objects use API versions served by the target Kubernetes version',
  theme: 'versioning',
  severity: 'error',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  aliases: ['kube-linter:no-extensions-v1beta', 'kube-score:stable-version'],
  rationale:
    'Kubernetes stops serving beta API versions a few releases after their replacement ships: applying a manifest with a ' +
    'removed `apiVersion` fails outright, and a deprecated one fails at the next upgrade. The rule compares each object\'s ' +
    '`apiVersion` and `kind` with a table of deprecations and removals taken from the Kubernetes deprecation guide, judged ' +
    'against the configured `kubernetesVersion`: removed at or before it is reported as removed, deprecated but still served ' +
    'is reported with the release that removes it. The fix rewrites `apiVersion` and is marked safe only where the schema and ' +
    'meaning are unchanged (RBAC, CronJob, IngressClass, PriorityClass, Lease, storage kinds, RuntimeClass, APIService, ' +
    'NetworkPolicy, and PodDisruptionBudget unless its selector is empty, which policy/v1 reads as every pod). It is offered ' +
    'but not safe where defaults change (Deployment, DaemonSet, StatefulSet and ReplicaSet to apps/v1, which also need ' +
    '`spec.selector`; HPA autoscaling/v2beta2, EndpointSlice, FlowSchema). No fix is offered where fields were renamed or ' +
    'restructured (Ingress, CustomResourceDefinition, webhook configurations, HPA autoscaling/v2beta1, ' +
    'CertificateSigningRequest, Event, PriorityLevelConfiguration before v1beta3) or where no successor exists ' +
    '(PodSecurityPolicy).',
  remediation: 'Change `apiVersion` to the replacement version and adapt the fields that changed.',
  check(ctx) {
    const { object } = ctx;
    const entry = lookupDeprecatedApi(object.apiVersion, object.kind);
    if (!entry) return;
    const node = object.get(['apiVersion']);
    const target = parseVersion(ctx.settings.kubernetesVersion);
    const removed = parseVersion(entry.removed);
    const deprecated = parseVersion(entry.deprecated);
    if (!node || !target || !removed || !deprecated) return;
    const use = entry.replacement ? `; use ${entry.replacement}` : '';
    const note = entry.note ? ` (${entry.note})` : '';
    let message: string;
    let severity: 'error' | 'warning' = 'error';
    if (atLeast(target, removed)) {
      message = `${objectLabel(object)} uses ${entry.apiVersion}, which was removed in ${entry.removed}${use}${note}.`;
    } else if (atLeast(target, deprecated)) {
      message = `${objectLabel(object)} uses ${entry.apiVersion}, deprecated since ${entry.deprecated} and removed in ${entry.removed}${use}${note}.`;
      severity = 'warning';
    } else {
      return;
    }
    const safe = entry.replacement ? rewriteSafety(entry, ctx) : undefined;
    const fix = safe === undefined ? undefined : ctx.fix(`Change apiVersion to ${entry.replacement}`, safe, ctx.edit.setScalar(node, entry.replacement!));
    ctx.report({ node, message, fix, severity });
  },
});
