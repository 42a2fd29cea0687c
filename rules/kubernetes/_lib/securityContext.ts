// Effective security settings of a container: its own securityContext overriding the pod's, read without guessing.
import { asMap, asSeq, bool, deref, getIn, getNode, getPair, str, type Container, type K8sObject, type YMap, type YNode, type YPair } from '../../../server/src/engine/api';
import { field, isAnchored, type Doc } from './fields';

/** Where a setting was found: on the container itself or inherited from the pod. */
export type Level = 'container' | 'pod';

/**
 * The outcome of reading one key: set (with its value node), unset (absent or null, so the
 * default or the next level applies) or unknown (an alias we cannot follow, a merge key, a
 * securityContext that is not a map). Unknown is never reported.
 */
export type Lookup =
  | { state: 'set'; node: YNode; level: Level; pair: YPair }
  | { state: 'unset' }
  | { state: 'unknown' };

const UNSET: Lookup = { state: 'unset' };
const UNKNOWN: Lookup = { state: 'unknown' };

/** `field` as a lookup at one level: a value is set, absent or empty is unset. */
function lookup(map: YMap, key: string, doc: Doc, level: Level): Lookup {
  const f = field(map, key, doc);
  if (f.state === 'value') return { state: 'set', node: f.node, level, pair: f.pair };
  return f.state === 'unknown' ? UNKNOWN : UNSET;
}

/** The securityContext map under `holder` (a container or a pod spec): a map, unset, or unknown. */
function securityContextOf(holder: YMap, doc: Doc): { state: 'map'; map: YMap } | { state: 'unset' } | { state: 'unknown' } {
  const look = lookup(holder, 'securityContext', doc, 'container');
  if (look.state !== 'set') return look;
  const map = asMap(look.node, doc);
  return map ? { state: 'map', map } : { state: 'unknown' };
}

/** Reads `key` in the container's own securityContext only (fields the pod level does not have). */
export function containerSetting(c: Container, key: string, doc: Doc): Lookup {
  const sc = securityContextOf(c.map, doc);
  if (sc.state !== 'map') return sc;
  return lookup(sc.map, key, doc, 'container');
}

/** Reads `key` in the pod's securityContext (runAsUser, runAsNonRoot, seccompProfile, ...). */
export function podSetting(object: K8sObject, key: string): Lookup {
  const spec = object.pod?.spec;
  if (!spec) return UNKNOWN;
  const sc = securityContextOf(spec, object.doc);
  if (sc.state !== 'map') return sc;
  return lookup(sc.map, key, object.doc, 'pod');
}

/**
 * The value that decides `key` for a container, for fields both levels have: the container's own
 * value when set, else the pod's. Unknown at the container level stays unknown (it may override).
 */
export function effectiveSetting(object: K8sObject, c: Container, key: string): Lookup {
  const own = containerSetting(c, key, object.doc);
  if (own.state !== 'unset') return own;
  return podSetting(object, key);
}

/**
 * True when the pods are Windows pods (`spec.os.name: windows`, or a nodeSelector on
 * `kubernetes.io/os: windows`): Linux-only securityContext fields are forbidden or ignored there.
 */
export function isWindowsPod(object: K8sObject): boolean {
  const spec = object.pod?.spec;
  if (!spec) return false;
  const doc = object.doc;
  if (str(getIn(spec, ['os', 'name'], doc), doc)?.toLowerCase() === 'windows') return true;
  const selector = asMap(getNode(spec, 'nodeSelector', doc), doc);
  for (const key of ['kubernetes.io/os', 'beta.kubernetes.io/os']) {
    if (str(getNode(selector, key, doc), doc)?.toLowerCase() === 'windows') return true;
  }
  return false;
}

/** Capability names as the runtime reads them: upper case, without a `CAP_` prefix. */
export function normalizeCapability(name: string): string {
  const up = name.trim().toUpperCase();
  return up.startsWith('CAP_') ? up.slice(4) : up;
}

/**
 * The items of a capabilities list (`add` or `drop`) with their text. `complete` is false when
 * some item cannot be read (an alias, a non-scalar), so callers do not conclude from absence.
 */
export function capabilityList(node: YNode, doc: Doc): { items: Array<{ node: YNode; name: string }>; complete: boolean } | undefined {
  const seq = asSeq(node, doc);
  if (!seq) return undefined;
  const items: Array<{ node: YNode; name: string }> = [];
  let complete = true;
  for (const raw of seq.items) {
    const n = deref(raw, doc);
    const name = n ? str(n, doc) : undefined;
    if (!n || name === undefined) { complete = false; continue; }
    items.push({ node: n, name });
  }
  return { items, complete };
}

/** True when the container sets `privileged: true` (it then has every capability and may always escalate). */
export function isPrivileged(c: Container, doc: Doc): boolean {
  const look = containerSetting(c, 'privileged', doc);
  return look.state === 'set' && bool(look.node, doc) === true;
}

/** Reads `securityContext.capabilities.<key>` (`add` or `drop`) of a container. */
export function capabilitiesSetting(c: Container, key: 'add' | 'drop', doc: Doc): Lookup {
  const caps = containerSetting(c, 'capabilities', doc);
  if (caps.state !== 'set') return caps;
  const map = asMap(caps.node, doc);
  return map ? lookup(map, key, doc, 'container') : UNKNOWN;
}

/** True when the container adds SYS_ADMIN (any spelling). */
export function addsSysAdmin(c: Container, doc: Doc): boolean {
  const add = capabilitiesSetting(c, 'add', doc);
  if (add.state !== 'set') return false;
  return !!capabilityList(add.node, doc)?.items.some((i) => normalizeCapability(i.name) === 'SYS_ADMIN');
}

/**
 * The first pair on `path` (from `map`) whose value is an alias. Edits through an alias would change
 * the anchored node, shared with other places, or replace the alias and lose what it carried: rules
 * offer no fix then, and point at this pair, which belongs to the object being reported.
 */
export function aliasOnPath(map: YMap, path: readonly string[], doc: Doc): YPair | undefined {
  let cur: YMap | undefined = map;
  for (const key of path) {
    const pair = getPair(cur, key);
    if (!pair) return undefined;
    const raw = pair.value as YNode | null | undefined;
    if (raw && typeof raw === 'object' && deref(raw, doc) !== raw) return pair;
    cur = asMap(raw, doc);
    if (!cur) return undefined;
  }
  return undefined;
}

/**
 * True when an edit along `path` would also change other places: a node on the way (the starting
 * map included) is an alias or carries an anchor that aliases elsewhere may use.
 */
export function sharedOnPath(map: YMap, path: readonly string[], doc: Doc): boolean {
  if (aliasOnPath(map, path, doc)) return true;
  let cur: YNode | undefined = map;
  if (isAnchored(cur)) return true;
  for (const key of path) {
    const m = asMap(cur, doc);
    if (!m) return false;
    cur = getNode(m, key, doc);
    if (cur && isAnchored(cur)) return true;
  }
  return false;
}
