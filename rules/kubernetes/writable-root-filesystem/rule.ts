// Flags containers whose root filesystem is writable: readOnlyRootFilesystem is not true.
import { bool, defineRule, WORKLOAD_KINDS } from '../../../server/src/engine/api';
import { containerLabel, upperFirst } from '../_lib/names';
import { aliasOnPath, containerSetting, isWindowsPod, sharedOnPath } from '../_lib/securityContext';

export default defineRule({
  id: 'k8s/writable-root-filesystem',
  title: 'Containers run with a read-only root filesystem',
  theme: 'least-privilege',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: ['kube-linter:no-read-only-root-fs', 'checkov:CKV_K8S_22', 'polaris:notReadOnlyRootFilesystem', 'kube-score:container-security-context-readonlyrootfilesystem', 'trivy:KSV014'],
  rationale:
    'With a writable root filesystem, an attacker who gets code execution in the container can drop tools, change binaries or ' +
    'configuration, and persist until the container is replaced. `readOnlyRootFilesystem: true` makes the image immutable at run ' +
    'time; the places the process really writes to (`/tmp`, a cache directory) become explicit `emptyDir` or other volumes. ' +
    'Kubernetes leaves the root filesystem writable unless the field is `true`. The field exists on every kind of container, so ' +
    'init and ephemeral containers are checked too.\n\n' +
    'The fix sets the field; an application that writes outside its volumes will then fail on those writes, so give it an ' +
    '`emptyDir` for them. Windows pods are skipped: the field does not apply to them.',
  remediation: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` wherever the process needs to write.',
  check(ctx) {
    if (isWindowsPod(ctx.object)) return;
    for (const c of ctx.object.containers) {
      const look = containerSetting(c, 'readOnlyRootFilesystem', ctx.doc);
      if (look.state === 'unknown') continue;
      const alias = aliasOnPath(c.map, ['securityContext', 'readOnlyRootFilesystem'], ctx.doc);
      const editable = !sharedOnPath(c.map, ['securityContext', 'readOnlyRootFilesystem'], ctx.doc);
      if (look.state === 'set') {
        if (bool(look.node, ctx.doc) !== false) continue;
        ctx.report({
          node: alias ?? look.node,
          message: `${upperFirst(containerLabel(c))} sets readOnlyRootFilesystem: false, so its root filesystem is writable.`,
          fix: editable ? ctx.fix('Set readOnlyRootFilesystem: true', true, ctx.edit.setScalar(look.node, true)) : undefined,
        });
        continue;
      }
      ctx.report({
        node: c.anchor,
        message: `${upperFirst(containerLabel(c))} has a writable root filesystem: securityContext.readOnlyRootFilesystem is not set to true.`,
        fix: editable ? ctx.fix('Set readOnlyRootFilesystem: true', true, ctx.edit.setIn(c.map, ['securityContext', 'readOnlyRootFilesystem'], true)) : undefined,
      });
    }
  },
});
