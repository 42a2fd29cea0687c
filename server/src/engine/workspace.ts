// The set of files the engine knows (from disk or unsaved editors), parsed once per text, with a Kubernetes index.
import { parseYaml, type YamlFile } from './parse/yaml';
import { reparseYaml } from './parse/incremental';
import { kubernetesObjects } from './model/kubernetes/detect';
import type { K8sObject } from './model/kubernetes/object';
import { K8sWorkspaceView } from './model/kubernetes/workspaceView';
import { kustomizePatchTargets } from './model/kubernetes/kustomize';
import type { FileError } from './types';

export type FileLanguage = 'yaml' | 'json' | 'other';

export interface AnalyzedFile {
  uri: string;
  text: string;
  yaml?: YamlFile;
  objects: K8sObject[];
  errors: FileError[];
}

export function fileLanguage(uri: string): FileLanguage {
  const lower = uri.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.json')) return 'json';
  return 'other';
}

export class Workspace {
  private readonly files = new Map<string, AnalyzedFile>();
  private view?: K8sWorkspaceView;
  private patchUris?: Set<string>;

  /** Adds or replaces a file; parsing happens here, once per text. */
  set(uri: string, text: string): AnalyzedFile {
    const existing = this.files.get(uri);
    if (existing && existing.text === text) return existing;
    const analyzed = analyze(uri, text, existing?.yaml);
    this.files.set(uri, analyzed);
    this.invalidate();
    return analyzed;
  }

  /** Records a file that could not be read (binary, too large, bad encoding). */
  setUnreadable(uri: string, message: string): AnalyzedFile {
    const f: AnalyzedFile = { uri, text: '', objects: [], errors: [{ uri, severity: 'error', message }] };
    this.files.set(uri, f);
    this.invalidate();
    return f;
  }

  delete(uri: string): void { if (this.files.delete(uri)) this.invalidate(); }
  get(uri: string): AnalyzedFile | undefined { return this.files.get(uri); }
  has(uri: string): boolean { return this.files.has(uri); }
  uris(): string[] { return [...this.files.keys()]; }

  /**
   * True for objects that are not complete manifests: those in a file a kustomization names as a
   * patch, and workloads without a pod spec, containers or container images (fragments). Rules skip them.
   */
  isPartial(o: K8sObject): boolean {
    this.patchUris ??= this.computePatchUris();
    if (this.patchUris.has(o.uri)) return true;
    if (o.isWorkload && (!o.pod || o.containers.length === 0 || o.containers.some((c) => c.image === undefined && c.kind !== 'ephemeralContainer'))) return true;
    return false;
  }

  k8sView(): K8sWorkspaceView {
    if (!this.view) {
      const all: K8sObject[] = [];
      for (const f of this.files.values()) for (const o of f.objects) if (!this.isPartial(o)) all.push(o);
      this.view = new K8sWorkspaceView(all);
    }
    return this.view;
  }

  private computePatchUris(): Set<string> {
    const out = new Set<string>();
    for (const f of this.files.values()) {
      if (!f.yaml || !/(^|\/)kustomization\.ya?ml$/i.test(f.uri)) continue;
      for (const u of kustomizePatchTargets(f.uri, f.yaml)) out.add(u);
    }
    return out;
  }

  private invalidate(): void { this.view = undefined; this.patchUris = undefined; }
}

function analyze(uri: string, text: string, previous?: YamlFile): AnalyzedFile {
  const lang = fileLanguage(uri);
  if (lang === 'other') return { uri, text, objects: [], errors: [] };
  // After an edit, only the documents it touched are parsed again (same result as a full parse).
  const yaml = (previous && reparseYaml(previous, text)) || parseYaml(uri, text);
  const objects = kubernetesObjects(yaml);
  // Syntax errors are reported only for files that are (or try to be) Kubernetes manifests:
  // other YAML and JSON (CI workflows, compose files, tsconfig) is not ours to judge.
  const errors = objects.length > 0 || looksLikeManifest(text) ? yaml.errors : [];
  return { uri, text, yaml, objects, errors };
}

function looksLikeManifest(text: string): boolean {
  return /^\s*"?apiVersion"?\s*:/m.test(text) && /^\s*"?kind"?\s*:/m.test(text);
}
