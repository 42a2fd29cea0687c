// How messages name objects and containers: one format for every rule.
import type { Container } from '../../../server/src/engine/api';

/** An object as messages name it: `Deployment "web"`, or `Deployment (unnamed)`. */
export function objectLabel(o: { kind: string; name?: string }): string {
  return o.name !== undefined ? `${o.kind} "${o.name}"` : `${o.kind} (unnamed)`;
}

const KIND_WORDS: Record<Container['kind'], string> = {
  container: 'container',
  initContainer: 'init container',
  ephemeralContainer: 'ephemeral container',
};

/**
 * A container as messages name it inside a sentence: `container "web"`, `init container "setup"`,
 * `ephemeral container "debug"`, or by its place in its list when it has no name: `container #2 (unnamed)`.
 */
export function containerLabel(c: Container): string {
  const kind = KIND_WORDS[c.kind];
  return c.name !== undefined ? `${kind} "${c.name}"` : `${kind} #${c.index + 1} (unnamed)`;
}

/** Several containers: `container "web"`, `container "web" and init container "setup"`, `a, b and c`. */
export function containerList(containers: readonly Container[]): string {
  const labels = containers.map(containerLabel);
  return labels.length < 2 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** The text with its first letter in upper case, for a label that starts a sentence: `Container "web" …`. */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
