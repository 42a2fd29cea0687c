// Renders JS values as YAML text at a given indentation, in block or flow style.
import { stringify } from 'yaml';

export interface RenderOptions { step: number; indentSeq: boolean }

const blockCache = new Map<string, string>();
const BLOCK_CACHE_SIZE = 1000;

/** Block YAML for a value, without a trailing line break; lines after the first carry no base indent yet. */
export function renderBlock(value: unknown, opts: RenderOptions): string {
  // Rules build their fixes eagerly, often the same small value for every container, and
  // stringify was a third of the lint time of a long stream: remember recent renderings.
  // (JSON is an exact key for the plain data fixes insert; other values are not cached.)
  const json = plainJson(value);
  const key = json === undefined ? undefined : `${opts.step}|${opts.indentSeq}|${json}`;
  const cached = key === undefined ? undefined : blockCache.get(key);
  if (cached !== undefined) return cached;
  const text = stringify(value, { indent: opts.step, indentSeq: opts.indentSeq, lineWidth: 0, version: '1.1' }).replace(/\n$/, '');
  if (key !== undefined) {
    if (blockCache.size >= BLOCK_CACHE_SIZE) blockCache.clear();
    blockCache.set(key, text);
  }
  return text;
}

/** JSON of strings, finite numbers, booleans, null, arrays and plain objects; undefined for anything else. */
function plainJson(value: unknown): string | undefined {
  let plain = true;
  const json = JSON.stringify(value, (_k, v: unknown) => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return v;
    if (Array.isArray(v) || (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)) return v;
    plain = false;
    return null;
  });
  return plain ? json : undefined;
}

/** A single scalar as YAML text. */
export function renderScalar(value: string | number | boolean | null): string {
  return stringify(value, { lineWidth: 0, version: '1.1' }).replace(/\n$/, '');
}

/** Flow YAML for a value, on one line. */
export function renderFlow(value: unknown): string {
  if (value === null || typeof value !== 'object') return renderScalar(value as string);
  if (Array.isArray(value)) return `[${value.map(renderFlow).join(', ')}]`;
  return `{ ${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${renderScalar(k)}: ${renderFlow(v)}`).join(', ')} }`;
}

export function indentLines(text: string, indent: string, eol: string): string {
  return text.split('\n').map((l, i) => (i === 0 || l === '' ? l : indent + l)).join(eol);
}
