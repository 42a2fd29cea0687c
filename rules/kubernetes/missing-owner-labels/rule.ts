// Flags objects whose metadata.labels lack the labels that say what they are and who owns them (configurable).
import { asMap, defineRule, getNode, getPair, isNullish, mapEntries, PLACEHOLDER, seqItems, yamlFlow, type K8sObject } from '../../../server/src/engine/api';
import { editableHere, writtenValue, type Edit } from '../_lib/fields';
import { objectLabel } from '../_lib/names';

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);
/** Kinds the cluster or its controllers create and own: their labels are not the team's to set. */
const MANAGED_KINDS = new Set([
  'Event', 'Lease', 'Endpoints', 'EndpointSlice', 'Node', 'ComponentStatus', 'ControllerRevision', 'Binding', 'TokenReview',
  'TokenRequest', 'SubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'LocalSubjectAccessReview',
]);
/** API groups of tool configuration files that look like objects but are never applied to a cluster. */
const CONFIG_GROUP = /(^|\.)config\.k8s\.io$|^(kubeadm\.k8s\.io|audit\.k8s\.io|kind\.x-k8s\.io|k3d\.io|skaffold\.dev|kpt\.dev|fn\.kpt\.dev)$/;
const LABEL_VALUE = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)$/;
const FILLER = 'replace-me';

function isClusterInternal(o: K8sObject): boolean {
  if (MANAGED_KINDS.has(o.kind) || CONFIG_GROUP.test(o.group) || (o.kind === 'Config' && o.apiVersion === 'v1')) return true;
  if (o.namespace !== undefined && SYSTEM_NAMESPACES.has(o.namespace)) return true;
  if (o.kind === 'Namespace' && o.name !== undefined && (SYSTEM_NAMESPACES.has(o.name) || o.name === 'default')) return true;
  return (o.name ?? '').startsWith('system:') || 'kubernetes.io/bootstrapping' in o.labels;
}

/** Label keys a Kustomization in this folder or above adds to every resource (commonLabels, labels[].pairs). */
function kustomizeLabels(o: K8sObject, kustomizations: readonly K8sObject[]): Set<string> {
  const keys = new Set<string>();
  for (const k of kustomizations) {
    const dir = k.uri.slice(0, k.uri.lastIndexOf('/') + 1);
    if (!o.uri.startsWith(dir)) continue;
    for (const [key] of mapEntries(getNode(k.root, 'commonLabels', k.doc), k.doc)) keys.add(key);
    for (const entry of seqItems(getNode(k.root, 'labels', k.doc), k.doc)) {
      for (const [key] of mapEntries(getNode(asMap(entry, k.doc), 'pairs', k.doc), k.doc)) keys.add(key);
    }
  }
  return keys;
}

/** A stand-in value: the object's name for the application label (marked by a comment), else an obvious filler. */
function placeholderFor(key: string, o: K8sObject, commented: boolean): string {
  if (commented && key === 'app.kubernetes.io/name' && o.name && LABEL_VALUE.test(o.name)) return o.name;
  return FILLER;
}

export default defineRule({
  id: 'k8s/missing-owner-labels',
  title: 'Objects carry the labels that identify them and their owner',
  theme: 'metadata',
  severity: 'info',
  enabledByDefault: false,
  language: 'kubernetes',
  fixable: true,
  aliases: ['kube-linter:required-label-owner'],
  rationale:
    'Labels are how people and tools answer "what is this and whose is it?" during an incident, a cost review or a cleanup: ' +
    '`kubectl get -l`, dashboards, cost allocation and policy engines all select on them. An object without them is an orphan ' +
    'nobody dares to delete.\n\n' +
    'The required keys are the `requiredLabels` option. The default asks for `app.kubernetes.io/name` (the application, from the ' +
    'Kubernetes recommended labels) and `owner` (the team to contact); teams usually adapt the list (`team`, ' +
    '`app.kubernetes.io/part-of`, a cost centre). Objects the cluster manages (the `kube-system`, `kube-public` and `kube-node-lease` ' +
    'namespaces, `system:` RBAC, Events, Leases, Endpoints), tool configuration files (Kustomization, kubeadm, kind) and labels ' +
    'added by a Kustomization of the same folder or above (`commonLabels`, `labels`) are taken into account. The check is off by ' +
    'default because the keys are a team convention.',
  remediation: 'Add the required labels to `metadata.labels`.',
  options: { requiredLabels: ['app.kubernetes.io/name', 'owner'] as string[] },
  optionsSchema: {
    type: 'object',
    properties: {
      requiredLabels: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Label keys every object must have in metadata.labels.',
      },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const o = ctx.object;
    const required = [...new Set(ctx.options.requiredLabels ?? [])];
    if (required.length === 0 || !o.metadata || isClusterInternal(o)) return;
    const labelsPair = getPair(o.metadata, 'labels');
    const labelsNode = getNode(o.metadata, 'labels', ctx.doc);
    const labels = labelsNode ? asMap(labelsNode, ctx.doc) : undefined;
    if (labelsNode && !labels && !isNullish(labelsNode)) return;
    // Keys that are not plain scalars (merge keys, aliases) leave the label set unknown.
    const entries = mapEntries(labels, ctx.doc);
    if (labels && (entries.length !== labels.items.length || entries.some(([k]) => k === '<<'))) return;
    const present = new Set(entries.map(([k]) => k));
    const fromKustomize = kustomizeLabels(o, ctx.workspace.ofKind('Kustomization', 'Component'));
    const missing = required.filter((k) => !present.has(k) && !fromKustomize.has(k));
    if (missing.length === 0) return;

    // Block YAML carries the placeholder comment; flow maps and JSON cannot, so they get obvious fillers only.
    const block = !o.metadata.flow && !(labels && labels.flow) && !ctx.edit.json;
    const values = Object.fromEntries(missing.map((k) => [k, placeholderFor(k, o, block)]));
    let edits: Edit[] = [];
    if (labels?.anchor || !editableHere(writtenValue(o.root, 'metadata'), ctx.doc)) {
      // Other objects may merge an anchored map; a key Kubernetes would read as a boolean or number
      // cannot be written plain: leave the edit to the user.
    } else if (labels && labels.items.length === 0 && missing.length > 1) {
      // `labels: {}`: each key the editor inserts into an empty flow map rewrites its braces, so several
      // insertions would overlap. The whole map is written here instead, JSON or engine-rendered YAML.
      edits = [{ start: labels.range![0], end: labels.range![1], newText: ctx.edit.json ? JSON.stringify(values) : yamlFlow(values) }];
    } else {
      edits = ctx.edit.setIn(o.metadata, ['labels'], values, block ? PLACEHOLDER : undefined);
      // The editor inserts each key on its own; after a flow map's trailing comma (`{ tier: x, }`) only the
      // first insertion gets a separator, so several would run together: no fix then.
      if (labels?.flow && edits.slice(1).some((e) => !e.newText.startsWith(','))) edits = [];
    }
    ctx.report({
      node: labelsPair ?? o.anchor,
      message: `${objectLabel(o)} lacks the ${missing.length > 1 ? `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}` : missing[0]} label${missing.length > 1 ? 's' : ''}.`,
      fix: ctx.fix(`Add ${missing.join(', ')} with placeholder values`, false, edits),
    });
  },
});
