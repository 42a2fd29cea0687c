// Probes: the placeholder probe a fix adds, and probes read as plain data with the API's defaults for comparison.
import { asMap, asSeq, bool, getNode, isNullish, keyText, num, PLACEHOLDER, seqItems, str, type Container, type YPair } from '../../../server/src/engine/api';
import { canMarkPlaceholder, field, hasMergeKey, insertionTarget, type AnyCtx, type Doc } from './fields';

/** The first TCP port a container declares, by name when it has one (names survive port changes). */
function firstTcpPort(c: Container, doc: Doc): string | number | undefined {
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
