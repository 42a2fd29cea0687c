// Container image references: splits `registry/repo:tag@digest` and recognises templated values the linter cannot evaluate.
import { asMap, getIn, getNode, isNullish, seqItems, str, type Container, type K8sObject, type K8sWorkspaceView, type YNode } from '../../../server/src/engine/api';

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
export function containerImage(c: Container, doc: K8sObject['doc']): { node: YNode; ref: ImageRef; text: string } | undefined {
  const node = getNode(c.map, 'image', doc);
  if (!node || isNullish(node)) return undefined;
  const text = str(node, doc);
  if (text === undefined) return undefined;
  const ref = parseImage(text);
  return ref ? { node, ref, text } : undefined;
}

/** What build and deploy tools of the workspace decide about an image name: its tag or digest is set elsewhere. */
export interface ManagedImages {
  /** Names whose version is set elsewhere: a Kustomization tag other than `latest` or digest, or a Skaffold artifact. */
  versioned: Set<string>;
  /** Names set elsewhere to a digest (Kustomization `digest`) or built and deployed by Skaffold. */
  digest: Set<string>;
  /** Names a Kustomization retags to `latest`. */
  latest: Set<string>;
}

const managedCache = new WeakMap<K8sWorkspaceView, ManagedImages>();

/**
 * Image names whose final tag is decided outside the manifest: Kustomization `images:` entries (kustomize rewrites the
 * tag or digest of every matching image) and Skaffold `build.artifacts` (Skaffold builds them and writes the tag at deploy).
 * Only kustomization files that declare apiVersion and kind are Kubernetes objects the rules can see.
 */
export function managedImages(ws: K8sWorkspaceView): ManagedImages {
  const cached = managedCache.get(ws);
  if (cached) return cached;
  const out: ManagedImages = { versioned: new Set(), digest: new Set(), latest: new Set() };
  for (const k of ws.ofKind('Kustomization')) {
    const doc = k.doc;
    for (const item of seqItems(getNode(k.root, 'images', doc), doc)) {
      const m = asMap(item, doc);
      const name = str(getNode(m, 'name', doc), doc);
      if (!m || !name) continue;
      const newTag = getNode(m, 'newTag', doc);
      const tag = str(newTag, doc);
      if (getNode(m, 'digest', doc)) { out.digest.add(name); out.versioned.add(name); }
      else if (getNode(m, 'tagSuffix', doc) || (newTag && tag !== 'latest')) out.versioned.add(name);
      else if (tag === 'latest') out.latest.add(name);
    }
  }
  for (const cfg of ws.ofKind('Config')) {
    if (!cfg.apiVersion.startsWith('skaffold/')) continue;
    const doc = cfg.doc;
    const builds = [getIn(cfg.root, ['build'], doc), ...seqItems(getNode(cfg.root, 'profiles', doc), doc).map((p) => getIn(asMap(p, doc), ['build'], doc))];
    for (const build of builds) {
      for (const a of seqItems(getIn(asMap(build, doc), ['artifacts'], doc), doc)) {
        const image = str(getNode(asMap(a, doc), 'image', doc), doc);
        if (image) { out.versioned.add(image); out.digest.add(image); }
      }
    }
  }
  managedCache.set(ws, out);
  return out;
}
