// Reads a kustomization file for the patch files it names: those hold partial objects, not full manifests.
import type { YamlFile } from '../../parse/yaml';
import { asMap, getNode, seqItems, str } from '../../parse/yamlNodes';

export function kustomizePatchTargets(uri: string, file: YamlFile): string[] {
  const out: string[] = [];
  for (const yd of file.docs) {
    const root = asMap(yd.doc.contents, yd.doc);
    if (!root) continue;
    const add = (p: string | undefined) => { if (p && !p.includes('\n')) out.push(resolveUri(uri, p)); };
    for (const n of seqItems(getNode(root, 'patchesStrategicMerge', yd.doc), yd.doc)) add(str(n, yd.doc));
    for (const key of ['patches', 'patchesJson6902']) {
      for (const n of seqItems(getNode(root, key, yd.doc), yd.doc)) add(str(n, yd.doc) ?? str(getNode(asMap(n, yd.doc), 'path', yd.doc), yd.doc));
    }
  }
  return out;
}

function resolveUri(base: string, rel: string): string {
  try { return new URL(rel, base).toString(); } catch { return rel; }
}
