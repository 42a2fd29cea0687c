// Flags Namespaces defined in the workspace that no ResourceQuota of the workspace covers.
import { defineRule, PLACEHOLDER, yamlScalar } from '../../../server/src/engine/api';
import { objectLabel } from '../_lib/names';

/** Namespaces the cluster creates and manages itself. */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'default']);

export default defineRule({
  id: 'k8s/namespace-missing-resourcequota',
  title: 'Namespaces have a ResourceQuota',
  theme: 'limits',
  severity: 'info',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  workspace: true,
  appliesTo: { kinds: ['Namespace'] },
  aliases: ['trivy:KSV040'],
  rationale:
    'A ResourceQuota caps what one namespace may consume in total: CPU and memory requests and limits, pods, services, ' +
    'volume claims. Without one, a runaway autoscaler, a bad rollout or a leaked Job in this namespace can take all of the ' +
    'cluster\'s capacity from every other team.\n\n' +
    'The rule looks at Namespace objects defined in the workspace and is satisfied by any ResourceQuota of the workspace in ' +
    'that namespace; a ResourceQuota without `metadata.namespace` counts too, since it may be applied there. Note that a ' +
    'quota on CPU or memory makes the API server reject pods that do not set those requests or limits, so pair it with a ' +
    'LimitRange that gives defaults.\n\n' +
    'It reports at info level: quotas are sometimes owned by a platform team in another repository than the Namespace, ' +
    'where this rule cannot see them; turn it off there (`k8s/namespace-missing-resourcequota: off`).',
  remediation: 'Add a ResourceQuota to the namespace with hard limits that fit its workloads.',
  check(ctx) {
    const ns = ctx.object;
    const name = ns.name;
    if (name === undefined || SYSTEM_NAMESPACES.has(name)) return;
    for (const rq of ctx.workspace.ofKind('ResourceQuota')) {
      if (rq.namespace === undefined || rq.namespace === name) return;
    }
    ctx.report({
      node: ns.anchor,
      message: `${objectLabel(ns)} has no ResourceQuota, so its workloads can use the whole cluster.`,
      fix: quotaFix(),
    });

    function quotaFix() {
      if (ns.root !== ns.yamlDoc.doc.contents) return undefined;
      // Written as text, not as an object for the editor to render, to carry the placeholder comment; the
      // name goes through the engine's scalar renderer, which quotes what would not read back as a string.
      const i = ' '.repeat(ctx.edit.layout.step);
      const text = [
        'apiVersion: v1',
        'kind: ResourceQuota',
        'metadata:',
        `${i}name: compute-quota`,
        `${i}namespace: ${yamlScalar(name!)}`,
        'spec:',
        `${i}hard:  # ${PLACEHOLDER}`,
        `${i}${i}requests.cpu: "4"`,
        `${i}${i}requests.memory: 8Gi`,
        `${i}${i}limits.memory: 16Gi`,
      ].join('\n');
      return ctx.fix('Add a ResourceQuota with placeholder values', false, ctx.edit.appendDocument(ns.yamlDoc.end, text));
    }
  },
});
