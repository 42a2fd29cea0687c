// Flags pods that get a Kubernetes API token mounted automatically: automountServiceAccountToken is not false on the pod or its ServiceAccount.
import { asMap, bool, defineRule, getNode, K8sWorkspaceView, seqItems, str, WORKLOAD_KINDS, type K8sContext, type K8sObject } from '../../../server/src/engine/api';
import { field } from '../_lib/fields';
import { objectLabel } from '../_lib/names';
import { aliasOnPath, sharedOnPath } from '../_lib/securityContext';

export default defineRule({
  id: 'k8s/sa-token-automount',
  title: 'Pods do not mount a service account token they do not use',
  theme: 'least-privilege',
  severity: 'info',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  workspace: true,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: ['kube-linter:automount-service-account-token', 'checkov:CKV_K8S_38', 'polaris:automountServiceAccountToken', 'trivy:KSV036'],
  rationale:
    'Unless told otherwise, Kubernetes mounts a token of the pod\'s service account into every container, at ' +
    '`/var/run/secrets/kubernetes.io/serviceaccount`. Most applications never call the Kubernetes API, but anyone who gets code ' +
    'execution in the container can use that token with every permission the service account has (and the `default` account ' +
    'often collects permissions over time). `automountServiceAccountToken: false` on the pod spec, or on the ServiceAccount, ' +
    'keeps the token out; a pod that does need it can still mount a short-lived projected token explicitly.\n\n' +
    'The rule reads the pod spec first (it overrides the ServiceAccount), then, when the ServiceAccount the pod uses is in the ' +
    'workspace, its own setting. Pods whose ServiceAccount is bound to a Role or ClusterRole in the workspace, and pods whose spec ' +
    'names the token\'s directory (`/var/run/secrets/kubernetes.io/serviceaccount`), are not reported: they are meant to call ' +
    'the API. The fix sets `automountServiceAccountToken: false` on the pod spec; an explicit `true` is ' +
    'only changed on request.',
  remediation: 'Set `automountServiceAccountToken: false` in the pod spec (or on its ServiceAccount) unless the pod calls the Kubernetes API.',
  check(ctx) {
    const spec = ctx.object.pod?.spec;
    if (!spec) return;
    const own = field(spec, 'automountServiceAccountToken', ctx.doc);
    if (own.state === 'unknown') return;
    if (own.state === 'value' && bool(own.node, ctx.doc) !== true) return;
    const account = serviceAccountName(ctx);
    if (account === undefined) return;
    if (isBound(ctx, account) || readsTokenFiles(ctx)) return;
    const alias = aliasOnPath(spec, ['automountServiceAccountToken'], ctx.doc);
    const editable = !sharedOnPath(spec, ['automountServiceAccountToken'], ctx.doc);
    if (own.state === 'value') {
      ctx.report({
        node: alias ?? own.node,
        message: `${objectLabel(ctx.object)} sets automountServiceAccountToken: true, so its containers get a token of service account "${account}".`,
        fix: editable ? ctx.fix('Set automountServiceAccountToken: false', false, ctx.edit.setScalar(own.node, false)) : undefined,
      });
      return;
    }
    // Unset on the pod: the ServiceAccount's own setting decides, when we can see it.
    const accounts = ctx.workspace.ofKind('ServiceAccount').filter((sa) => sa.name === account && K8sWorkspaceView.mayShareNamespace(sa, ctx.object));
    let seen = false;
    for (const sa of accounts) {
      const look = field(sa.root, 'automountServiceAccountToken', sa.doc);
      if (look.state === 'unknown') return;
      if (look.state === 'value' && bool(look.node, sa.doc) !== true) return;
      seen = true;
    }
    ctx.report({
      node: ctx.object.anchor,
      message: seen
        ? `${objectLabel(ctx.object)} mounts a token of service account "${account}": neither the pod spec nor the ServiceAccount sets automountServiceAccountToken: false.`
        : `${objectLabel(ctx.object)} mounts a token of service account "${account}": the pod spec does not set automountServiceAccountToken: false.`,
      fix: editable ? ctx.fix('Set automountServiceAccountToken: false', true, ctx.edit.setIn(spec, ['automountServiceAccountToken'], false)) : undefined,
    });
  },
});

/** The service account the pods run as: serviceAccountName, else the deprecated serviceAccount, else `default`. */
function serviceAccountName(ctx: K8sContext<object>): string | undefined {
  const spec = ctx.object.pod!.spec;
  for (const key of ['serviceAccountName', 'serviceAccount']) {
    const look = field(spec, key, ctx.doc);
    if (look.state === 'unknown') return undefined;
    if (look.state === 'value') return str(look.node, ctx.doc) || undefined;
  }
  return 'default';
}

/** True when the pod spec names the token's directory (an env value, an argument, a mount): the pod reads the token. */
function readsTokenFiles(ctx: K8sContext<object>): boolean {
  const range = ctx.object.pod!.spec.range;
  return !!range && ctx.object.file.text.slice(range[0], range[1]).includes('kubernetes.io/serviceaccount');
}

/** True when a RoleBinding or ClusterRoleBinding of the workspace may grant something to the account. */
function isBound(ctx: K8sContext<object>, account: string): boolean {
  const target = ctx.object.namespace;
  return ctx.workspace.ofKind('RoleBinding', 'ClusterRoleBinding').some((binding) => subjectsOf(binding).some((s) => {
    if (s.kind !== 'ServiceAccount' || s.name !== account) return false;
    const ns = s.namespace ?? (binding.kind === 'RoleBinding' ? binding.namespace : undefined);
    return ns === undefined || target === undefined || ns === target;
  }));
}

function subjectsOf(binding: K8sObject): Array<{ kind?: string; name?: string; namespace?: string }> {
  const doc = binding.doc;
  return seqItems(getNode(binding.root, 'subjects', doc), doc).map((item) => {
    const m = asMap(item, doc);
    return { kind: str(getNode(m, 'kind', doc), doc), name: str(getNode(m, 'name', doc), doc), namespace: str(getNode(m, 'namespace', doc), doc) };
  });
}
