// Flags containers that no seccomp profile confines: no RuntimeDefault or Localhost profile at container or pod level, or Unconfined.
import { asMap, defineRule, getIn, getNode, str, WORKLOAD_KINDS, type Container, type K8sContext, type YMap, type YNode, type YPair } from '../../../server/src/engine/api';
import { containerLabel, containerList, objectLabel, upperFirst } from '../_lib/names';
import { field } from '../_lib/fields';
import { aliasOnPath, containerSetting, isWindowsPod, podSetting, sharedOnPath, type Level, type Lookup } from '../_lib/securityContext';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

/** What decides a container's seccomp profile. */
type Verdict = { state: 'confined' } | { state: 'unknown' } | { state: 'missing' } | { state: 'unconfined'; node: YNode; level: Level; annotation: boolean; alias?: YPair; shared: boolean };

export default defineRule({
  id: 'k8s/seccomp-profile-missing',
  title: 'Containers run with a seccomp profile',
  theme: 'least-privilege',
  severity: 'warning',
  enabledByDefault: true,
  language: 'kubernetes',
  fixable: true,
  appliesTo: { kinds: WORKLOAD_KINDS },
  aliases: ['checkov:CKV_K8S_31', 'kube-score:container-seccomp-profile', 'trivy:KSV030', 'trivy:KSV104'],
  rationale:
    'Seccomp filters the system calls a container may make. Without a profile, Kubernetes runs containers `Unconfined` (unless ' +
    'the kubelet is started with its seccomp-default option, which manifests cannot see), so the whole kernel API, including ' +
    'rarely used and often vulnerable calls, is reachable from the container. The runtime\'s default profile ' +
    '(`seccompProfile.type: RuntimeDefault`) blocks those calls and suits almost every workload; the restricted Pod Security ' +
    'Standard requires `RuntimeDefault` or `Localhost` and forbids `Unconfined`.\n\n' +
    'A container\'s profile is taken from its own `securityContext.seccompProfile`, then the deprecated per-container annotation, ' +
    'then the pod\'s `securityContext.seccompProfile`, then the deprecated `seccomp.security.alpha.kubernetes.io/pod` annotation ' +
    '(`runtime/default`, `docker/default` and `localhost/...` count as set). The fix for a missing profile sets `RuntimeDefault` ' +
    'at pod level, where every container inherits it; replacing an explicit `Unconfined` is offered but not applied by fix-all. ' +
    'Windows pods are skipped: seccomp does not apply to them.',
  remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` in the pod spec (or `Localhost` with a profile of your own).',
  check(ctx) {
    if (isWindowsPod(ctx.object)) return;
    const pod = ctx.object.pod;
    if (!pod) return;
    const missing: Container[] = [];
    const unconfined = new Map<YNode, { level: Level; annotation: boolean; alias?: YPair; shared: boolean; containers: Container[] }>();
    for (const c of ctx.object.containers) {
      const v = verdict(ctx, c);
      if (v.state === 'missing') missing.push(c);
      else if (v.state === 'unconfined') {
        const entry = unconfined.get(v.node);
        if (entry) entry.containers.push(c); else unconfined.set(v.node, { level: v.level, annotation: v.annotation, alias: v.alias, shared: v.shared, containers: [c] });
      }
    }
    for (const [node, { level, annotation, alias, shared, containers }] of unconfined) {
      const what = annotation ? 'seccomp annotation is unconfined' : 'seccompProfile is Unconfined';
      ctx.report({
        node: alias ?? node,
        message: level === 'container'
          ? `${upperFirst(containerLabel(containers[0]))} runs without a seccomp filter: its ${what}.`
          : `${objectLabel(ctx.object)} runs ${containerList(containers)} without a seccomp filter: its pod ${what}.`,
        fix: !shared ? ctx.fix(annotation ? 'Use runtime/default' : 'Use RuntimeDefault', false, ctx.edit.setScalar(node, annotation ? 'runtime/default' : 'RuntimeDefault')) : undefined,
      });
    }
    if (missing.length > 0) {
      const all = missing.length === ctx.object.containers.length;
      const editable = !sharedOnPath(pod.spec, ['securityContext', 'seccompProfile'], ctx.doc);
      ctx.report({
        node: ctx.object.anchor,
        message: all
          ? `${objectLabel(ctx.object)} sets no seccomp profile, so its containers run without a seccomp filter.`
          : missing.length === 1
            ? `${objectLabel(ctx.object)} sets no seccomp profile for ${containerList(missing)}, so it runs without a seccomp filter.`
            : `${objectLabel(ctx.object)} sets no seccomp profile for ${containerList(missing)}, so they run without a seccomp filter.`,
        fix: editable ? ctx.fix('Set seccompProfile RuntimeDefault for the pod', true, ctx.edit.setIn(pod.spec, ['securityContext', 'seccompProfile'], { type: 'RuntimeDefault' })) : undefined,
      });
    }
  },
});

/** The container's effective profile: its field, its annotation, the pod's field, the pod's annotation. */
function verdict(ctx: K8sContext<object>, c: Container): Verdict {
  const own = fieldVerdict(ctx, containerSetting(c, 'seccompProfile', ctx.doc), c.map);
  if (own) return own;
  if (c.name !== undefined) {
    const ann = annotationVerdict(ctx, CONTAINER_ANNOTATION_PREFIX + c.name, 'container');
    if (ann) return ann;
  }
  const pod = fieldVerdict(ctx, podSetting(ctx.object, 'seccompProfile'), ctx.object.pod!.spec);
  if (pod) return pod;
  return annotationVerdict(ctx, POD_ANNOTATION, 'pod') ?? { state: 'missing' };
}

/** A seccompProfile field: undefined when unset (the next source decides). */
function fieldVerdict(ctx: K8sContext<object>, look: Lookup, holder: YMap): Verdict | undefined {
  if (look.state === 'unset') return undefined;
  if (look.state === 'unknown') return { state: 'unknown' };
  const map = asMap(look.node, ctx.doc);
  if (!map) return { state: 'unknown' };
  const type = field(map, 'type', ctx.doc);
  if (type.state !== 'value') return { state: 'unknown' };
  const value = str(type.node, ctx.doc);
  if (value === 'RuntimeDefault' || value === 'Localhost') return { state: 'confined' };
  if (value === 'Unconfined') {
    return { state: 'unconfined', node: type.node, level: look.level, annotation: false, alias: aliasOnPath(holder, ['securityContext', 'seccompProfile', 'type'], ctx.doc), shared: sharedOnPath(holder, ['securityContext', 'seccompProfile', 'type'], ctx.doc) };
  }
  return { state: 'unknown' };
}

/** A deprecated seccomp annotation on the pod template: undefined when absent. */
function annotationVerdict(ctx: K8sContext<object>, key: string, level: Level): Verdict | undefined {
  const pod = ctx.object.pod!;
  const annotations = asMap(getIn(pod.map, ['metadata', 'annotations'], ctx.doc), ctx.doc);
  if (!annotations) return pod.annotations[key] !== undefined ? { state: 'unknown' } : undefined;
  const look = field(annotations, key, ctx.doc);
  if (look.state === 'absent' || look.state === 'null') return undefined;
  if (look.state === 'unknown') return { state: 'unknown' };
  const value = str(getNode(annotations, key, ctx.doc), ctx.doc)?.trim();
  if (value === 'runtime/default' || value === 'docker/default' || value?.startsWith('localhost/')) return { state: 'confined' };
  if (value === 'unconfined') {
    return { state: 'unconfined', node: look.node, level, annotation: true, alias: aliasOnPath(pod.map, ['metadata', 'annotations', key], ctx.doc), shared: sharedOnPath(pod.map, ['metadata', 'annotations', key], ctx.doc) };
  }
  return { state: 'unknown' };
}
