// Container CPU and memory requests and limits: what is set, what Kubernetes or the workspace fills in, and the shared check.
import { asMap, asSeq, getNode, getPair, K8sWorkspaceView, num, PLACEHOLDER, seqItems, str, type Container, type K8sObject, type YMap } from '../../../server/src/engine/api';
import { containerLabel, upperFirst } from './names';
import { canMarkPlaceholder, field, hasMergeKey, insertionTarget, type AnyCtx, type Doc } from './fields';

export type ResourceName = 'cpu' | 'memory';
export type ResourceSection = 'limits' | 'requests';

/** Whether `resources.<section>.<resource>` is set on a resources-holding map (a container or a pod spec). */
function resourceState(holder: YMap | undefined, section: ResourceSection, res: ResourceName, doc: Doc): 'set' | 'missing' | 'unknown' {
  const r = field(holder, 'resources', doc);
  if (r.state === 'absent' || r.state === 'null') return 'missing';
  if (r.state === 'unknown') return 'unknown';
  const rm = asMap(r.node, doc);
  if (!rm) return 'unknown';
  const s = field(rm, section, doc);
  if (s.state === 'absent' || s.state === 'null') return 'missing';
  if (s.state === 'unknown') return 'unknown';
  const sm = asMap(s.node, doc);
  if (!sm) return 'unknown';
  const v = field(sm, res, doc);
  if (v.state === 'absent') return 'missing';
  if (v.state === 'unknown') return 'unknown';
  return 'set';
}

/**
 * Whether a LimitRange of the workspace that may apply to the object's namespace gives containers
 * a default for this resource. Kubernetes defaults a Container item's limit from `default`, else
 * `max`; its request from `defaultRequest`, else the default limit, else `min`. Unreadable
 * LimitRanges count as giving a default (unknown is never reported).
 */
function limitRangeDefaults(ctx: AnyCtx, section: ResourceSection, res: ResourceName): boolean {
  const doc = (o: K8sObject) => o.doc;
  for (const lr of ctx.workspace.ofKind('LimitRange')) {
    if (!K8sWorkspaceView.mayShareNamespace(ctx.object, lr)) continue;
    const limits = field(lr.spec, 'limits', doc(lr));
    if (limits.state === 'unknown') return true;
    if (limits.state !== 'value') continue;
    if (!asSeq(limits.node, doc(lr))) return true;
    for (const item of seqItems(limits.node, doc(lr))) {
      const m = asMap(item, doc(lr));
      if (!m || hasMergeKey(m)) return true;
      const type = getNode(m, 'type', doc(lr));
      const typeText = str(type, doc(lr));
      if (type && typeText === undefined) return true;
      if (typeText !== undefined && typeText !== 'Container') continue;
      const keys = section === 'limits' ? ['default', 'max'] : ['defaultRequest', 'default', 'max', 'min'];
      for (const k of keys) {
        const f = field(m, k, doc(lr));
        if (f.state === 'unknown') return true;
        if (f.state !== 'value') continue;
        const rm = asMap(f.node, doc(lr));
        if (!rm || hasMergeKey(rm) || getPair(rm, res)) return true;
      }
    }
  }
  return false;
}

/**
 * Whether a VerticalPodAutoscaler of the workspace may set this workload's requests at admission:
 * one that targets it (or whose target cannot be read) in a namespace they may share, unless its
 * update mode is plainly "Off" (recommendations only).
 */
function vpaMaySetRequests(ctx: AnyCtx): boolean {
  const obj = ctx.object;
  for (const vpa of ctx.workspace.ofKind('VerticalPodAutoscaler')) {
    if (!K8sWorkspaceView.mayShareNamespace(obj, vpa)) continue;
    const ref = asMap(getNode(vpa.spec, 'targetRef', vpa.doc), vpa.doc);
    const kind = str(getNode(ref, 'kind', vpa.doc), vpa.doc);
    const name = str(getNode(ref, 'name', vpa.doc), vpa.doc);
    if (kind !== undefined && name !== undefined && (kind !== obj.kind || name !== obj.name)) continue;
    const mode = asMap(getNode(vpa.spec, 'updatePolicy', vpa.doc), vpa.doc);
    const modeNode = getNode(mode, 'updateMode', vpa.doc);
    if (modeNode && str(modeNode, vpa.doc) === 'Off') continue;
    return true;
  }
  return false;
}

export interface ResourceRuleSpec {
  section: ResourceSection;
  res: ResourceName;
  /** The value a fix inserts when nothing better is known. */
  placeholder: string;
}

const WORDS: Record<ResourceSection, string> = { limits: 'limit', requests: 'request' };
const RES_WORDS: Record<ResourceName, string> = { cpu: 'CPU', memory: 'memory' };

/**
 * The shared check of the four resource rules: app and init containers (ephemeral containers
 * take no resources) without `resources.<section>.<res>`. Silent when the value is unknown, when
 * Kubernetes fills it in (a request defaults to the limit), when pod-level resources set it, when
 * a LimitRange that may apply sets a default, or (requests) when a VerticalPodAutoscaler sets them.
 */
export function checkResource(ctx: AnyCtx, spec: ResourceRuleSpec): void {
  const { section, res } = spec;
  const obj = ctx.object;
  const doc = ctx.doc;
  if (!obj.pod) return;
  if (resourceState(obj.pod.spec, section, res, doc) !== 'missing') return;
  let defaulted: boolean | undefined;
  for (const c of obj.containers) {
    if (c.kind === 'ephemeralContainer') continue;
    if (resourceState(c.map, section, res, doc) !== 'missing') continue;
    if (section === 'requests' && resourceState(c.map, 'limits', res, doc) !== 'missing') continue;
    defaulted ??= limitRangeDefaults(ctx, section, res) || (section === 'requests' && vpaMaySetRequests(ctx));
    if (defaulted) return;
    ctx.report({
      node: c.anchor,
      message: `${upperFirst(containerLabel(c))} sets no ${RES_WORDS[res]} ${WORDS[section]}.`,
      fix: resourceFix(ctx, c, spec),
    });
  }
}

function resourceFix(ctx: AnyCtx, c: Container, spec: ResourceRuleSpec) {
  const { section, res } = spec;
  const doc = ctx.doc;
  let value: string | number = spec.placeholder;
  if (section === 'limits') {
    // A limit below the request is rejected by the API server: start from the request when there is one.
    const req = asMap(getNode(asMap(getNode(c.map, 'resources', doc), doc), 'requests', doc), doc);
    const reqNode = getNode(req, res, doc);
    if (reqNode) {
      const n = num(reqNode, doc);
      const t = str(reqNode, doc);
      if (t === undefined) return undefined;
      value = n !== undefined ? n : t;
    }
  }
  const target = insertionTarget(c.map, ['resources', section], doc);
  if (!target || !canMarkPlaceholder(ctx, target)) return undefined;
  return ctx.fix(`Set a placeholder ${RES_WORDS[res]} ${WORDS[section]} of ${value}`, false, ctx.edit.setIn(c.map, ['resources', section, res], value, PLACEHOLDER));
}
