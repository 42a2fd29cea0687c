// Shared readers for the probe, resource and replica rules: container fields, LimitRange defaults, autoscaler targets, PDB selection.
import {
  asMap, asSeq, bool, deref, getNode, getPair, isNullish, K8sWorkspaceView, keyText, LONG_RUNNING_KINDS, mapEntries,
  matchLabelSelector, num, PLACEHOLDER, seqItems, str,
  type Container, type K8sContext, type K8sObject, type YMap, type YPair,
} from '../../../server/src/engine/api';

/** A YAML node as the readers return it. */
export type YNode = NonNullable<ReturnType<typeof getNode>>;
type Doc = K8sObject['doc'];
/** The context of any rule of this pack, whatever its options. */
export type AnyCtx = K8sContext<any>;

/** How a key of a map reads: absent, present with an empty value, present with a value, or not decidable. */
export type Field =
  | { state: 'absent' }
  | { state: 'null'; pair: YPair }
  | { state: 'value'; pair: YPair; node: YNode }
  | { state: 'unknown' };

/** True when a map uses a YAML merge key (`<<`): Kubernetes' parser merges it, so keys may come from elsewhere. */
export function hasMergeKey(map: YMap | undefined): boolean {
  if (!map) return false;
  return map.items.some((it) => it && typeof it === 'object' && 'key' in it && keyText(it as YPair) === '<<');
}

/** Reads `key` of a map, telling a missing key from an empty one and from one that cannot be known. */
export function field(map: YMap | undefined, key: string, doc: Doc): Field {
  if (!map) return { state: 'unknown' };
  const pair = getPair(map, key);
  if (!pair) return hasMergeKey(map) ? { state: 'unknown' } : { state: 'absent' };
  if (pair.value === null || pair.value === undefined || isNullish(pair.value)) return { state: 'null', pair };
  const node = getNode(map, key, doc);
  if (!node) return { state: 'unknown' };
  return { state: 'value', pair, node };
}

/** A container's label for messages: its name, else its position. */
export function containerLabel(c: Container): string {
  const list = c.kind === 'initContainer' ? 'initContainers' : c.kind === 'ephemeralContainer' ? 'ephemeralContainers' : 'containers';
  return c.name !== undefined ? `"${c.name}"` : `${list}[${c.index}]`;
}

/** True when a node carries an anchor: aliases elsewhere may share it, so editing it would change them too. */
export function isAnchored(node: unknown): boolean {
  return !!node && typeof node === 'object' && typeof (node as { anchor?: unknown }).anchor === 'string';
}

/** The value of a pair as written here: an alias stays an alias, so findings point at this place. */
export function localValue(pair: YPair): YNode | undefined {
  const v = pair.value as YNode | null | undefined;
  return v ?? undefined;
}

/** True when editing the node changes this place only: it is not an alias and carries no anchor. */
export function isEditable(node: unknown, doc: Doc): boolean {
  return !!node && deref(node, doc) === node && !isAnchored(node);
}

/**
 * Whether a fix may insert a made-up value into this map with the PLACEHOLDER comment beside it: a
 * block map not shared through an anchor. Flow maps cannot carry the comment and JSON has no
 * comments, so a value there would look like a real one: such fixes are not offered.
 */
export function canMarkPlaceholder(ctx: AnyCtx, map: YMap | undefined): boolean {
  return !!map && !map.flow && !ctx.edit.json && !isAnchored(map);
}

// ---------------------------------------------------------------------------------------------
// Pods that keep running

/**
 * Whether the object's pods are meant to keep running: long-running controllers, and bare Pods
 * whose restartPolicy is Always (the default). Unknown restart policies count as not long-running.
 */
export function isLongRunning(obj: K8sObject): boolean {
  if (!(LONG_RUNNING_KINDS as readonly string[]).includes(obj.kind) || !obj.pod) return false;
  if (obj.kind !== 'Pod') return true;
  const f = field(obj.pod.spec, 'restartPolicy', obj.doc);
  if (f.state === 'absent') return true;
  return f.state === 'value' && str(f.node, obj.doc) === 'Always';
}

// ---------------------------------------------------------------------------------------------
// Probes

export type ProbeKey = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

/** The first TCP port a container declares, by name when it has one (names survive port changes). */
export function firstTcpPort(c: Container, doc: Doc): string | number | undefined {
  const f = field(c.map, 'ports', doc);
  if (f.state !== 'value') return undefined;
  for (const item of seqItems(f.node, doc)) {
    const p = asMap(item, doc);
    if (!p) return undefined;
    const protocol = getNode(p, 'protocol', doc);
    if (protocol && str(protocol, doc) !== 'TCP') continue;
    const name = str(getNode(p, 'name', doc), doc);
    const number = num(getNode(p, 'containerPort', doc), doc);
    if (name !== undefined && /[a-z]/i.test(name)) return name;
    if (number !== undefined && Number.isInteger(number)) return number;
  }
  return undefined;
}

/**
 * The fix for a missing probe: a TCP check on the container's first declared port, marked as a
 * placeholder. Liveness gets a higher failure threshold than readiness so the two never come out
 * identical. No fix when the container declares no TCP port: any guess could restart a healthy pod.
 */
export function missingProbeFix(ctx: AnyCtx, c: Container, key: 'livenessProbe' | 'readinessProbe') {
  const target = insertionTarget(c.map, [key], ctx.doc);
  if (!target || !canMarkPlaceholder(ctx, target)) return undefined;
  const port = firstTcpPort(c, ctx.doc);
  if (port === undefined) return undefined;
  const value = key === 'livenessProbe'
    ? { tcpSocket: { port }, periodSeconds: 10, failureThreshold: 6 }
    : { tcpSocket: { port }, periodSeconds: 5 };
  const label = key === 'livenessProbe' ? 'liveness' : 'readiness';
  return ctx.fix(`Add a placeholder ${label} probe on port ${port}`, false, ctx.edit.setIn(c.map, [key], value, PLACEHOLDER));
}

/** A plain-data view of a YAML value; undefined when any part of it cannot be read. */
export function canonical(node: unknown, doc: Doc, depth = 0): unknown {
  if (depth > 32) return undefined;
  const m = asMap(node, doc);
  if (m) {
    if (hasMergeKey(m)) return undefined;
    const out: Record<string, unknown> = {};
    for (const it of m.items) {
      const k = keyText(it as YPair);
      if (k === undefined) return undefined;
      const v = (it as YPair).value;
      const c = v === null || v === undefined ? null : canonical(v, doc, depth + 1);
      if (c === undefined) return undefined;
      out[k] = c;
    }
    return out;
  }
  const s = asSeq(node, doc);
  if (s) {
    const out: unknown[] = [];
    for (const it of s.items) {
      const c = it === null || it === undefined ? null : canonical(it, doc, depth + 1);
      if (c === undefined) return undefined;
      out.push(c);
    }
    return out;
  }
  const n = num(node, doc);
  if (n !== undefined) return n;
  const b = bool(node, doc);
  if (b !== undefined) return b;
  const t = str(node, doc);
  if (t !== undefined) return t;
  if (isNullish(node)) return null;
  return undefined;
}

/** Stable text of a plain-data value, with map keys sorted, for structural comparison. */
export function stableText(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableText).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableText((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

const PROBE_DEFAULTS: Record<string, unknown> = { initialDelaySeconds: 0, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };

/** A probe with the API's defaults filled in, so that an omitted field equals its default value. */
export function probeWithDefaults(probe: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...PROBE_DEFAULTS };
  for (const [k, v] of Object.entries(probe)) if (v !== null) out[k] = v;
  const http = out.httpGet;
  if (http && typeof http === 'object' && !Array.isArray(http)) {
    const h = { ...(http as Record<string, unknown>) };
    if (h.scheme === undefined || h.scheme === null) h.scheme = 'HTTP';
    if (h.path === undefined || h.path === null) h.path = '/';
    out.httpGet = h;
  }
  const grpc = out.grpc;
  if (grpc && typeof grpc === 'object' && !Array.isArray(grpc)) {
    const g = { ...(grpc as Record<string, unknown>) };
    if (g.service === undefined || g.service === null) g.service = '';
    out.grpc = g;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Resources

export type ResourceName = 'cpu' | 'memory';
export type ResourceSection = 'limits' | 'requests';
export type Tri = 'set' | 'missing' | 'unknown';

/** Whether `resources.<section>.<resource>` is set on a resources-holding map (a container or a pod spec). */
export function resourceState(holder: YMap | undefined, section: ResourceSection, res: ResourceName, doc: Doc): Tri {
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
export function limitRangeDefaults(ctx: AnyCtx, section: ResourceSection, res: ResourceName): boolean {
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
export function vpaMaySetRequests(ctx: AnyCtx): boolean {
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
  let lrChecked: boolean | undefined;
  for (const c of obj.containers) {
    if (c.kind === 'ephemeralContainer') continue;
    if (resourceState(c.map, section, res, doc) !== 'missing') continue;
    if (section === 'requests' && resourceState(c.map, 'limits', res, doc) !== 'missing') continue;
    lrChecked ??= limitRangeDefaults(ctx, section, res) || (section === 'requests' && vpaMaySetRequests(ctx));
    if (lrChecked) return;
    const what = `${RES_WORDS[res]} ${WORDS[section]}`;
    const kindWord = c.kind === 'initContainer' ? 'Init container' : 'Container';
    ctx.report({
      node: c.anchor,
      message: `${kindWord} ${containerLabel(c)} sets no ${what}.`,
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

/**
 * The deepest existing map along `path` under `map`: where `setIn` will insert text. Undefined when
 * a map on the way is an alias or carries an anchor, since the edit would reach other places too.
 */
export function insertionTarget(map: YMap, path: readonly string[], doc: Doc): YMap | undefined {
  if (isAnchored(map)) return undefined;
  let cur = map;
  for (const key of path) {
    const pair = getPair(cur, key);
    if (!pair || pair.value === null || isNullish(pair.value)) return cur;
    if (!isEditable(pair.value, doc)) return undefined;
    const next = asMap(pair.value, doc);
    if (!next) return undefined;
    cur = next;
  }
  return cur;
}

// ---------------------------------------------------------------------------------------------
// Replicas and autoscalers

/** Kinds an autoscaler may target whose replica count the manifest can set. */
export const SCALABLE_KINDS = ['Deployment', 'StatefulSet'] as const;

export type Replicas =
  | { state: 'absent' }
  | { state: 'value'; value: number; pair: YPair; node: YNode }
  | { state: 'unknown' };

/** `spec.replicas` of a workload: absent, a whole number, or unknown. */
export function replicasOf(obj: K8sObject): Replicas {
  const f = field(obj.spec, 'replicas', obj.doc);
  if (f.state === 'absent') return { state: 'absent' };
  if (f.state !== 'value') return { state: 'unknown' };
  const n = num(f.node, obj.doc);
  if (n === undefined || !Number.isInteger(n) || n < 0) return { state: 'unknown' };
  return { state: 'value', value: n, pair: f.pair, node: f.node };
}

export interface ScalerTargeting {
  /** Autoscalers whose target is this object. */
  matches: K8sObject[];
  /** True when some autoscaler that may share the namespace has a target that cannot be read. */
  unknown: boolean;
}

/**
 * The HorizontalPodAutoscalers (and KEDA ScaledObjects, which drive one) of the workspace that
 * target this workload by kind and name, in a namespace they may share.
 */
export function autoscalersOf(ctx: AnyCtx, obj: K8sObject = ctx.object): ScalerTargeting {
  const out: ScalerTargeting = { matches: [], unknown: false };
  const scalers = [
    ...ctx.workspace.ofKind('HorizontalPodAutoscaler'),
    ...ctx.workspace.ofKind('ScaledObject').filter((o) => o.group === 'keda.sh'),
  ];
  for (const s of scalers) {
    if (!K8sWorkspaceView.mayShareNamespace(obj, s)) continue;
    const ref = field(s.spec, 'scaleTargetRef', s.doc);
    if (ref.state !== 'value') { out.unknown = true; continue; }
    const refMap = asMap(ref.node, s.doc);
    if (!refMap || hasMergeKey(refMap)) { out.unknown = true; continue; }
    const kindNode = getNode(refMap, 'kind', s.doc);
    const kind = kindNode ? str(kindNode, s.doc) : s.kind === 'ScaledObject' ? 'Deployment' : undefined;
    const name = str(getNode(refMap, 'name', s.doc), s.doc);
    if (kind === undefined || name === undefined) { out.unknown = true; continue; }
    if (kind === obj.kind && obj.name !== undefined && name === obj.name) out.matches.push(s);
  }
  return out;
}

/** The smallest minReplicas among autoscalers (1 when unset); undefined when one cannot be read. */
export function minAutoscaledReplicas(scalers: K8sObject[]): number | undefined {
  let min: number | undefined;
  for (const s of scalers) {
    const key = s.kind === 'ScaledObject' ? 'minReplicaCount' : 'minReplicas';
    const f = field(s.spec, key, s.doc);
    let v: number | undefined;
    if (f.state === 'absent') v = s.kind === 'ScaledObject' ? 0 : 1;
    else if (f.state === 'value') v = num(f.node, s.doc);
    if (v === undefined) return undefined;
    min = min === undefined ? v : Math.min(min, v);
  }
  return min;
}

/**
 * How many pods a workload is meant to run, when it can be known: explicit replicas, else 1 for a
 * replicated kind without an autoscaler, 1 for a Pod. Undefined for DaemonSets, batch kinds,
 * autoscaled workloads and unreadable counts.
 */
export function plannedPods(ctx: AnyCtx, obj: K8sObject): number | undefined {
  if (obj.kind === 'Pod') return 1;
  if (!['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'].includes(obj.kind)) return undefined;
  const scalers = autoscalersOf(ctx, obj);
  if (scalers.matches.length > 0 || scalers.unknown) return undefined;
  const r = replicasOf(obj);
  if (r.state === 'absent') return 1;
  if (r.state === 'value') return r.value;
  return undefined;
}

/** The pod template's labels when every one of them can be read; undefined otherwise. */
export function readablePodLabels(obj: K8sObject): Record<string, string> | undefined {
  if (!obj.pod) return undefined;
  const mf = field(obj.pod.map, 'metadata', obj.doc);
  if (mf.state === 'absent' || mf.state === 'null') return {};
  if (mf.state !== 'value') return undefined;
  const meta = asMap(mf.node, obj.doc);
  if (!meta) return undefined;
  const f = field(meta, 'labels', obj.doc);
  if (f.state === 'absent' || f.state === 'null') return {};
  if (f.state !== 'value') return undefined;
  const m = asMap(f.node, obj.doc);
  if (!m || hasMergeKey(m)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of mapEntries(m, obj.doc)) {
    const b = bool(v, obj.doc);
    const s = str(v, obj.doc) ?? (b !== undefined ? String(b) : undefined);
    if (s === undefined) return undefined;
    out[k] = s;
  }
  if (Object.keys(out).length !== m.items.length) return undefined;
  return out;
}

/** Whether a PodDisruptionBudget selects a workload's pods: true, false, or undefined when unknown. */
export function pdbSelects(pdb: K8sObject, workload: K8sObject): boolean | undefined {
  if (!K8sWorkspaceView.mayShareNamespace(pdb, workload)) return false;
  const labels = readablePodLabels(workload);
  if (!labels) return undefined;
  const sel = field(pdb.spec, 'selector', pdb.doc);
  if (sel.state !== 'value') return undefined;
  const selMap = asMap(sel.node, pdb.doc);
  if (!selMap || hasMergeKey(selMap)) return undefined;
  const ml = field(selMap, 'matchLabels', pdb.doc);
  if (ml.state === 'unknown') return undefined;
  if (ml.state === 'value') {
    const mlMap = asMap(ml.node, pdb.doc);
    if (!mlMap || hasMergeKey(mlMap)) return undefined;
    for (const [, v] of mapEntries(mlMap, pdb.doc)) if (str(v, pdb.doc) === undefined && bool(v, pdb.doc) === undefined) return undefined;
  }
  return matchLabelSelector(selMap, labels, pdb.doc);
}

/** Parses a percentage such as `"25%"`; undefined for anything else. */
export function percent(node: YNode | undefined, doc: Doc): number | undefined {
  const t = str(node, doc);
  const m = t === undefined ? null : /^(\d+)%$/.exec(t);
  return m ? Number(m[1]) : undefined;
}

/**
 * The workload's `spec.selector.matchLabels` when the selector is exactly that (no expressions)
 * and every value can be read; undefined otherwise.
 */
export function selectorMatchLabels(obj: K8sObject): Record<string, string> | undefined {
  const doc = obj.doc;
  const sel = field(obj.spec, 'selector', doc);
  if (sel.state !== 'value') return undefined;
  const selMap = asMap(sel.node, doc);
  if (!selMap || hasMergeKey(selMap)) return undefined;
  for (const [k, v] of mapEntries(selMap, doc)) {
    if (k === 'matchLabels') continue;
    if (k === 'matchExpressions' && (isNullish(v) || (asSeq(v, doc)?.items.length ?? 1) === 0)) continue;
    return undefined;
  }
  const ml = asMap(getNode(selMap, 'matchLabels', doc), doc);
  if (!ml || hasMergeKey(ml)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of mapEntries(ml, doc)) {
    const s = str(v, doc);
    if (s === undefined) return undefined;
    out[k] = s;
  }
  return Object.keys(out).length === ml.items.length && ml.items.length > 0 ? out : undefined;
}
