// Flags pods that run as their namespace's `default` service account while a token of it is mounted.
import { bool, defineRule, K8sWorkspaceView, str, WORKLOAD_KINDS, type K8sContext } from '../../../server/src/engine/api';
import { field } from '../_lib/fields';
import { objectLabel } from '../_lib/names';

export default defineRule({
  id: 'k8s/default-service-account',
  title: 'Pods run as a dedicated service account, not the namespace default',
  theme: 'least-privilege',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: false,
  workspace: true,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: ['kube-linter:default-service-account'],
  rationale:
    'Every namespace has a `default` service account, used by any pod that names no other (`serviceAccountName` absent, empty ' +
    'or `default`; the deprecated `serviceAccount` field counts when `serviceAccountName` is absent). Permissions granted to it ' +
    'for one workload silently extend to every other pod of the namespace, and its token cannot be told apart in audit logs. A ' +
    'dedicated ServiceAccount per workload keeps permissions and audit trails per application.\n\n' +
    'Pods that get no token of the account (`automountServiceAccountToken: false` on the pod, or on a `default` ServiceAccount ' +
    'in the workspace) are not reported: they do not act as it. It complements `k8s/sa-token-automount`, which asks ' +
    'whether the pod needs a token at all; this rule asks whose token it is. There is no automatic ' +
    'fix: the account has to be created and given the permissions the workload needs.',
  remediation: 'Create a ServiceAccount for the workload and set `serviceAccountName` to it.',
  check(ctx) {
    const spec = ctx.object.pod?.spec;
    if (!spec) return;
    // A pod without a token of the account does not act as it.
    const automount = field(spec, 'automountServiceAccountToken', ctx.doc);
    if (automount.state === 'unknown') return;
    if (automount.state === 'value' && bool(automount.node, ctx.doc) !== true) return;
    if (automount.state !== 'value' && defaultAccountWithoutToken(ctx)) return;
    for (const key of ['serviceAccountName', 'serviceAccount']) {
      const look = field(spec, key, ctx.doc);
      if (look.state === 'unknown') return;
      if (look.state !== 'value') continue;
      const name = str(look.node, ctx.doc);
      if (name === undefined || (name !== '' && name !== 'default')) return;
      ctx.report({
        node: look.node,
        message: `${objectLabel(ctx.object)} runs as the namespace's default service account (${key}: ${name === '' ? '""' : 'default'}).`,
      });
      return;
    }
    ctx.report({
      node: ctx.object.anchor,
      message: `${objectLabel(ctx.object)} runs as the namespace's default service account: its pod spec sets no serviceAccountName.`,
    });
  },
});

/** True when a `default` ServiceAccount the pod may use is in the workspace and turns token mounting off (or may). */
function defaultAccountWithoutToken(ctx: K8sContext<object>): boolean {
  return ctx.workspace.ofKind('ServiceAccount').some((sa) => {
    if (sa.name !== 'default' || !K8sWorkspaceView.mayShareNamespace(sa, ctx.object)) return false;
    const look = field(sa.root, 'automountServiceAccountToken', sa.doc);
    return look.state === 'unknown' || (look.state === 'value' && bool(look.node, sa.doc) !== true);
  });
}
