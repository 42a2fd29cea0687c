// A typed, position-keeping view of one Kubernetes object: metadata, pod template, pod spec and containers.
import type { Document, Node } from 'yaml';
import { asMap, getIn, getNode, getPair, seqItems, str, stringMap, type YMap, type YPair } from '../../parse/yamlNodes';
import type { YamlDocument, YamlFile } from '../../parse/yaml';
import { WORKLOAD_KINDS } from './kinds';

export type ContainerKind = 'container' | 'initContainer' | 'ephemeralContainer';

export interface Container {
  map: YMap;
  kind: ContainerKind;
  name?: string;
  image?: string;
  /** Best node to point a container-level finding at: the `name` value, else the item itself. */
  anchor: Node;
  /** Index in its list (containers, initContainers or ephemeralContainers). */
  index: number;
}

export interface PodTemplate {
  /** The map holding `metadata` and `spec` of the pods (the object itself for a Pod). */
  map: YMap;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: YMap;
}

export class K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name?: string;
  /** metadata.namespace as written; undefined when not set (decided at apply time). */
  readonly namespace?: string;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly metadata?: YMap;
  readonly pod?: PodTemplate;
  readonly containers: Container[];

  constructor(readonly file: YamlFile, readonly yamlDoc: YamlDocument, readonly root: YMap) {
    const doc = this.doc;
    this.apiVersion = str(getNode(root, 'apiVersion', doc), doc) ?? '';
    this.kind = str(getNode(root, 'kind', doc), doc) ?? '';
    this.metadata = asMap(getNode(root, 'metadata', doc), doc);
    this.name = str(getNode(this.metadata, 'name', doc), doc);
    this.namespace = str(getNode(this.metadata, 'namespace', doc), doc);
    this.labels = stringMap(getNode(this.metadata, 'labels', doc), doc);
    this.annotations = stringMap(getNode(this.metadata, 'annotations', doc), doc);
    this.pod = readPodTemplate(this.kind, root, doc);
    this.containers = this.pod ? readContainers(this.pod.spec, doc) : [];
  }

  get doc(): Document { return this.yamlDoc.doc; }
  get uri(): string { return this.file.uri; }
  get isWorkload(): boolean { return (WORKLOAD_KINDS as readonly string[]).includes(this.kind); }
  get group(): string { const i = this.apiVersion.indexOf('/'); return i < 0 ? '' : this.apiVersion.slice(0, i); }

  /** A readable identity such as `Deployment/web`. */
  get displayName(): string { return `${this.kind}/${this.name ?? '(unnamed)'}`; }

  get spec(): YMap | undefined { return asMap(getNode(this.root, 'spec', this.doc), this.doc); }

  /** Where object-level findings point: the metadata.name value, else the kind value. */
  get anchor(): Node {
    return getNode(this.metadata, 'name', this.doc) ?? getNode(this.root, 'kind', this.doc) ?? this.root;
  }

  get(path: readonly string[]): Node | undefined { return getIn(this.root, path, this.doc); }
  pair(map: YMap | undefined, key: string): YPair | undefined { return getPair(map, key); }

  /** Containers that run for the pod's lifetime (not init or ephemeral). */
  get appContainers(): Container[] { return this.containers.filter((c) => c.kind === 'container'); }
}

function readPodTemplate(kind: string, root: YMap, doc: Document): PodTemplate | undefined {
  let holder: YMap | undefined;
  if (kind === 'Pod') holder = root;
  else if (kind === 'CronJob') holder = asMap(getIn(root, ['spec', 'jobTemplate', 'spec', 'template'], doc), doc);
  else if ((WORKLOAD_KINDS as readonly string[]).includes(kind)) holder = asMap(getIn(root, ['spec', 'template'], doc), doc);
  if (!holder) return undefined;
  const spec = asMap(getNode(holder, 'spec', doc), doc);
  if (!spec) return undefined;
  const meta = asMap(getNode(holder, 'metadata', doc), doc);
  return {
    map: holder,
    spec,
    labels: stringMap(getNode(meta, 'labels', doc), doc),
    annotations: stringMap(getNode(meta, 'annotations', doc), doc),
  };
}

function readContainers(spec: YMap, doc: Document): Container[] {
  const out: Container[] = [];
  const lists: Array<[string, ContainerKind]> = [['initContainers', 'initContainer'], ['containers', 'container'], ['ephemeralContainers', 'ephemeralContainer']];
  for (const [key, kind] of lists) {
    seqItems(getNode(spec, key, doc), doc).forEach((item, index) => {
      const map = asMap(item, doc);
      if (!map) return;
      const nameNode = getNode(map, 'name', doc);
      out.push({ map, kind, index, name: str(nameNode, doc), image: str(getNode(map, 'image', doc), doc), anchor: nameNode ?? map });
    });
  }
  return out;
}
