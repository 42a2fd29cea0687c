// Renders JS values as YAML text at a given indentation, in block or flow style.
import { stringify } from 'yaml';

export interface RenderOptions { step: number; indentSeq: boolean }

/** Block YAML for a value, without a trailing line break; lines after the first carry no base indent yet. */
export function renderBlock(value: unknown, opts: RenderOptions): string {
  return stringify(value, { indent: opts.step, indentSeq: opts.indentSeq, lineWidth: 0 }).replace(/\n$/, '');
}

/** A single scalar as YAML text. */
export function renderScalar(value: string | number | boolean | null): string {
  return stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
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
