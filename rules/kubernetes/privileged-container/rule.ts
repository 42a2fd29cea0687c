// Flags containers with securityContext.privileged: true.
import { bool, defineRule, getIn, WORKLOAD_KINDS } from '../../../server/src/engine/api';
import { containerLabel, upperFirst } from '../_lib/names';

export default defineRule({
  id: 'k8s/privileged-container',
  title: 'Containers do not run privileged',
  theme: 'least-privilege',
  severity: 'error',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: ['kube-linter:privileged-container', 'checkov:CKV_K8S_16', 'polaris:runAsPrivileged', 'kube-score:container-security-context-privileged', 'trivy:KSV017'],
  rationale:
    'A privileged container has every capability and access to the host\'s devices: a compromise of the process is a compromise of the node. ' +
    'Almost no application needs it; the few that do (CNI or storage drivers) should be exempted explicitly.',
  remediation: 'Set `securityContext.privileged: false` (or remove it) and grant only the capabilities the process needs.',
  check(ctx) {
    for (const c of ctx.object.containers) {
      const node = getIn(c.map, ['securityContext', 'privileged'], ctx.doc);
      if (node && bool(node, ctx.doc) === true) {
        ctx.report({
          node,
          message: `${upperFirst(containerLabel(c))} runs privileged, with full access to the host.`,
          fix: ctx.fix('Set privileged: false', true, ctx.edit.setScalar(node, false)),
        });
      }
    }
  },
});
