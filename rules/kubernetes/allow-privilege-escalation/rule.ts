// Flags containers that may gain more privileges than their parent process: allowPrivilegeEscalation is not false.
import { bool, defineRule, WORKLOAD_KINDS } from '../../../server/src/engine/api';
import { containerLabel, upperFirst } from '../_lib/names';
import { addsSysAdmin, aliasOnPath, containerSetting, isPrivileged, isWindowsPod, sharedOnPath } from '../_lib/securityContext';

export default defineRule({
  id: 'k8s/allow-privilege-escalation',
  title: 'Containers do not allow privilege escalation',
  theme: 'least-privilege',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: ['kube-linter:privilege-escalation-container', 'checkov:CKV_K8S_20', 'polaris:privilegeEscalationAllowed', 'trivy:KSV001'],
  rationale:
    'Unless `allowPrivilegeEscalation` is `false`, the container\'s process starts without the `no_new_privs` flag, so a setuid ' +
    'binary or a file capability in the image can give it more privileges than it started with (a non-root user becoming root, for ' +
    'example). Kubernetes allows escalation when the field is absent; the restricted Pod Security Standard requires `false` on every ' +
    'container, init and ephemeral ones included.\n\n' +
    'Privileged containers and containers given `SYS_ADMIN` can always escalate, whatever the field says (Kubernetes even rejects ' +
    '`allowPrivilegeEscalation: false` next to `privileged: true`): they are left to `k8s/privileged-container` and ' +
    '`k8s/dangerous-capability-added`. Windows pods are skipped: the field does not apply to them.',
  remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
  check(ctx) {
    if (isWindowsPod(ctx.object)) return;
    for (const c of ctx.object.containers) {
      // Privileged containers and those given SYS_ADMIN can always escalate; other rules report them.
      if (isPrivileged(c, ctx.doc) || addsSysAdmin(c, ctx.doc)) continue;
      const look = containerSetting(c, 'allowPrivilegeEscalation', ctx.doc);
      if (look.state === 'unknown') continue;
      const alias = aliasOnPath(c.map, ['securityContext', 'allowPrivilegeEscalation'], ctx.doc);
      const editable = !sharedOnPath(c.map, ['securityContext', 'allowPrivilegeEscalation'], ctx.doc);
      if (look.state === 'set') {
        if (bool(look.node, ctx.doc) !== true) continue;
        ctx.report({
          node: alias ?? look.node,
          message: `${upperFirst(containerLabel(c))} sets allowPrivilegeEscalation: true, so its process can gain more privileges than it started with.`,
          fix: editable ? ctx.fix('Set allowPrivilegeEscalation: false', true, ctx.edit.setScalar(look.node, false)) : undefined,
        });
      } else {
        ctx.report({
          node: c.anchor,
          message: `${upperFirst(containerLabel(c))} allows privilege escalation: securityContext.allowPrivilegeEscalation is not set to false.`,
          fix: editable ? ctx.fix('Set allowPrivilegeEscalation: false', true, ctx.edit.setIn(c.map, ['securityContext', 'allowPrivilegeEscalation'], false)) : undefined,
        });
      }
    }
  },
});
