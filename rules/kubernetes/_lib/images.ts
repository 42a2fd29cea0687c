// Container image references: splits `registry/repo:tag@digest` and recognises templated values the linter cannot evaluate.
import type { Document, Node } from 'yaml';
import { getNode, isNullish, str, type Container } from '../../../server/src/engine/api';

export interface ImageRef {
  /** Everything before the tag and digest, registry and port included. */
  name: string;
  tag?: string;
  digest?: string;
}

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/**
 * Parses an image reference; undefined when it is not a plain reference (templates, variables, spaces, empty parts).
 * A colon before the last `/` belongs to the registry (`host:5000/app`), not to a tag.
 */
export function parseImage(ref: string): ImageRef | undefined {
  const text = ref.trim();
  if (text === '' || /\s|\{\{|\$\(|\$\{|[<>]/.test(text)) return undefined;
  const at = text.indexOf('@');
  const namePart = at < 0 ? text : text.slice(0, at);
  const digest = at < 0 ? undefined : text.slice(at + 1);
  if (digest !== undefined && !/^[a-z0-9]+([+._-][a-z0-9]+)*:[A-Fa-f0-9]{32,}$/.test(digest)) return undefined;
  const slash = namePart.lastIndexOf('/');
  const colon = namePart.lastIndexOf(':');
  let name = namePart;
  let tag: string | undefined;
  if (colon > slash) {
    name = namePart.slice(0, colon);
    tag = namePart.slice(colon + 1);
    if (!TAG.test(tag)) return undefined;
  }
  if (name === '' || name.endsWith('/') || name.startsWith('/')) return undefined;
  return { name, tag, digest };
}

/** The container's `image` value node with its parsed reference, when the value is a plain string reference. */
export function containerImage(c: Container, doc: Document): { node: Node; ref: ImageRef; text: string } | undefined {
  const node = getNode(c.map, 'image', doc);
  if (!node || isNullish(node)) return undefined;
  const text = str(node, doc);
  if (text === undefined) return undefined;
  const ref = parseImage(text);
  return ref ? { node, ref, text } : undefined;
}

/** `container "web"`, `init container "setup"` or `ephemeral container "debug"` for messages. */
export function containerLabel(c: Container): string {
  const prefix = c.kind === 'initContainer' ? 'Init container' : c.kind === 'ephemeralContainer' ? 'Ephemeral container' : 'Container';
  return `${prefix} "${c.name ?? c.index}"`;
}
