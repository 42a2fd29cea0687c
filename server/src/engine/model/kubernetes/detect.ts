// Finds the Kubernetes objects in a parsed YAML file (documents with apiVersion and kind; List items too).
import { isMap } from 'yaml';
import type { YamlFile } from '../../parse/yaml';
import { asMap, getNode, seqItems, str, type YMap } from '../../parse/yamlNodes';
import { K8sObject } from './object';

export function isKubernetesRoot(map: YMap | undefined, doc: import('yaml').Document): boolean {
  if (!map) return false;
  const api = str(getNode(map, 'apiVersion', doc), doc);
  const kind = str(getNode(map, 'kind', doc), doc);
  return !!api && !!kind && /^[A-Za-z][A-Za-z0-9]*$/.test(kind);
}

export function kubernetesObjects(file: YamlFile): K8sObject[] {
  if (file.template) return [];
  const out: K8sObject[] = [];
  for (const yd of file.docs) {
    if (!yd.usable || !isMap(yd.doc.contents)) continue;
    const root = yd.doc.contents as YMap;
    if (!isKubernetesRoot(root, yd.doc)) continue;
    const kind = str(getNode(root, 'kind', yd.doc), yd.doc);
    if (kind === 'List' || (kind?.endsWith('List') && getNode(root, 'items', yd.doc))) {
      for (const item of seqItems(getNode(root, 'items', yd.doc), yd.doc)) {
        const m = asMap(item, yd.doc);
        if (m && isKubernetesRoot(m, yd.doc)) out.push(new K8sObject(file, yd, m));
      }
      continue;
    }
    out.push(new K8sObject(file, yd, root));
  }
  return out;
}
