// Flags containers that run, or may run, as root: runAsNonRoot is not true and runAsUser is not above 0 (pod level inherited).
import { bool, defineRule, num, PLACEHOLDER, WORKLOAD_KINDS, type Container, type K8sContext, type YNode } from '../../../server/src/engine/api';
import { containerLabel, containerList, objectLabel, upperFirst } from '../_lib/names';
import { aliasOnPath, effectiveSetting, isWindowsPod, sharedOnPath } from '../_lib/securityContext';

/** The UID the placeholder fix suggests instead of 0; the user picks the real one. */
const SUGGESTED_UID = 10001;

export default defineRule({
  id: 'k8s/runs-as-root',
  title: 'Containers run as a non-root user',
  theme: 'least-privilege',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: ['kube-linter:run-as-non-root', 'checkov:CKV_K8S_23', 'polaris:runAsRootAllowed', 'kube-score:container-security-context-user-group-id', 'trivy:KSV012'],
  rationale:
    'A process running as UID 0 in a container is root on the node as far as the kernel is concerned, limited only by ' +
    'namespaces and capabilities: a container escape or a writable host mount then gives root on the node. Kubernetes runs the ' +
    'image\'s own user unless told otherwise, and most images default to root. `runAsNonRoot: true` makes the kubelet refuse to ' +
    'start a container whose user is root; a non-zero `runAsUser` picks the user explicitly. Each is read from the container\'s ' +
    '`securityContext` first, then from the pod\'s. An explicit `runAsUser: 0` is always reported.\n\n' +
    'The fix (`runAsNonRoot: true`) is offered but not applied by fix-all: an image that only works as root, or whose `USER` is a ' +
    'name rather than a number, will then fail to start, so check the image first. Windows pods are skipped.',
  remediation: 'Set `runAsNonRoot: true` (and a non-zero `runAsUser` if the image has no numeric non-root `USER`) in the pod or container securityContext.',
  check(ctx) {
    if (isWindowsPod(ctx.object)) return;
    const spec = ctx.object.pod?.spec;
    if (!spec) return;
    // Pod-level values shared by several containers are reported once, naming the containers.
    const podLevel = new Map<YNode, { what: 'uid0' | 'nonRootFalse'; key: string; containers: Container[] }>();
    for (const c of ctx.object.containers) {
      const user = effectiveSetting(ctx.object, c, 'runAsUser');
      if (user.state === 'unknown') continue;
      if (user.state === 'set') {
        const uid = num(user.node, ctx.doc);
        if (uid === undefined || uid !== 0) continue;
        if (user.level === 'pod') { addTo(podLevel, user.node, 'uid0', 'runAsUser', c); continue; }
        const alias = aliasOnPath(c.map, ['securityContext', 'runAsUser'], ctx.doc);
        ctx.report({
          node: alias ?? user.node,
          message: `${upperFirst(containerLabel(c))} runs as root: its runAsUser is 0.`,
          fix: !sharedOnPath(c.map, ['securityContext', 'runAsUser'], ctx.doc) ? uidFix(ctx, user.node) : undefined,
        });
        continue;
      }
      const nonRoot = effectiveSetting(ctx.object, c, 'runAsNonRoot');
      if (nonRoot.state === 'unknown') continue;
      if (nonRoot.state === 'set') {
        const v = bool(nonRoot.node, ctx.doc);
        if (v !== false) continue;
        if (nonRoot.level === 'pod') { addTo(podLevel, nonRoot.node, 'nonRootFalse', 'runAsNonRoot', c); continue; }
        const alias = aliasOnPath(c.map, ['securityContext', 'runAsNonRoot'], ctx.doc);
        ctx.report({
          node: alias ?? nonRoot.node,
          message: `${upperFirst(containerLabel(c))} sets runAsNonRoot: false and no non-zero runAsUser, so it may run as root.`,
          fix: !sharedOnPath(c.map, ['securityContext', 'runAsNonRoot'], ctx.doc) ? ctx.fix('Set runAsNonRoot: true', false, ctx.edit.setScalar(nonRoot.node, true)) : undefined,
        });
        continue;
      }
      const shared = sharedOnPath(c.map, ['securityContext', 'runAsNonRoot'], ctx.doc);
      ctx.report({
        node: c.anchor,
        message: `${upperFirst(containerLabel(c))} may run as root: neither runAsNonRoot: true nor a non-zero runAsUser applies to it.`,
        fix: !shared ? ctx.fix('Set runAsNonRoot: true', false, ctx.edit.setIn(c.map, ['securityContext', 'runAsNonRoot'], true)) : undefined,
      });
    }
    for (const [node, { what, key, containers }] of podLevel) {
      const names = containerList(containers);
      const alias = aliasOnPath(spec, ['securityContext', key], ctx.doc);
      const fixable = !sharedOnPath(spec, ['securityContext', key], ctx.doc);
      if (what === 'uid0') {
        const subject = containers.length === 1 ? `${names} runs` : `${names} run`;
        ctx.report({
          node: alias ?? node,
          message: `${objectLabel(ctx.object)} sets runAsUser: 0 in its pod securityContext, so ${subject} as root.`,
          fix: fixable ? uidFix(ctx, node) : undefined,
        });
      } else {
        ctx.report({
          node: alias ?? node,
          message: containers.length === 1
            ? `${objectLabel(ctx.object)} sets runAsNonRoot: false in its pod securityContext and ${names} sets no non-zero runAsUser, so it may run as root.`
            : `${objectLabel(ctx.object)} sets runAsNonRoot: false in its pod securityContext and ${names} set no non-zero runAsUser, so they may run as root.`,
          fix: fixable ? ctx.fix('Set runAsNonRoot: true', false, ctx.edit.setScalar(node, true)) : undefined,
        });
      }
    }
  },
});

function addTo(map: Map<YNode, { what: 'uid0' | 'nonRootFalse'; key: string; containers: Container[] }>, node: YNode, what: 'uid0' | 'nonRootFalse', key: string, c: Container): void {
  const entry = map.get(node);
  if (entry) entry.containers.push(c); else map.set(node, { what, key, containers: [c] });
}

/**
 * Replaces `runAsUser: 0` with a placeholder non-root UID, marked for review where the value ends its
 * line (inside a flow collection it cannot take the comment). setScalar takes no comment, so the marker
 * is appended to its edit here. JSON has no comments and gets no fix: the made-up UID would look real.
 */
function uidFix(ctx: K8sContext<object>, node: YNode) {
  if (ctx.edit.json) return undefined;
  const edit = ctx.edit.setScalar(node, SUGGESTED_UID);
  const text = ctx.object.file.text;
  const lineEnd = text.indexOf('\n', edit.end);
  const endsLine = /^\s*(#.*)?\r?$/.test(text.slice(edit.end, lineEnd < 0 ? text.length : lineEnd));
  return ctx.fix(`Set runAsUser: ${SUGGESTED_UID} (a placeholder UID)`, false, endsLine ? { ...edit, newText: `${edit.newText}  # ${PLACEHOLDER}` } : edit);
}
