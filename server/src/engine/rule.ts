// The rule API: metadata, the per-object check context, and defineRule. Rules reach it through api.ts only.
import type { Document, Node } from 'yaml';
import type { YamlEditor } from './edit/yaml';
import type { K8sObject } from './model/kubernetes/object';
import type { K8sWorkspaceView } from './model/kubernetes/workspaceView';
import type { YPair } from './parse/yamlNodes';
import type { Fix, Language, Severity, TextEdit, Theme } from './types';

export interface RuleMeta<O extends object = Record<string, unknown>> {
  /** `<pack prefix>/<folder name>`, e.g. `k8s/container-missing-liveness-probe`. */
  id: string;
  title: string;
  theme: Theme;
  severity: Severity;
  enabledByDefault: boolean;
  /** Markdown: why this matters. */
  rationale: string;
  /** One sentence: what to change. */
  remediation: string;
  language: Language;
  appliesTo?: { kinds?: readonly string[] };
  /** Defaults of the rule's options; config `rules.<id>.options` overrides them key by key. */
  options?: O;
  /** JSON Schema of the options, used to validate configuration. */
  optionsSchema?: Record<string, unknown>;
  /** Peer ids as `<tool>:<id>` (kube-linter, kube-score, polaris, checkov, trivy), so their suppressions work. */
  aliases?: readonly string[];
  /** True when the rule reads other objects of the workspace (results depend on other files). */
  workspace?: boolean;
  /** True when findings carry a fix. */
  fixable: boolean;
  /** Link to further reading beyond the generated docs. */
  references?: readonly string[];
}

/** Where a finding points: a YAML node, a pair (its key), or explicit offsets. */
export type Target = Node | YPair | { start: number; end: number };

export interface ReportInput {
  node: Target;
  message: string;
  fix?: Fix;
  fixes?: Fix[];
  /** A finding-specific severity (e.g. deprecated vs removed); used (through the preset) unless the config names the rule's severity. */
  severity?: Severity;
}

export interface K8sSettings { kubernetesVersion: string }

export interface K8sContext<O extends object> {
  object: K8sObject;
  doc: Document;
  workspace: K8sWorkspaceView;
  options: O;
  settings: K8sSettings;
  edit: YamlEditor;
  report(input: ReportInput): void;
  /** Builds a fix from edits (drops undefined edits). */
  fix(title: string, safe: boolean, edits: Array<TextEdit | undefined> | TextEdit | undefined): Fix | undefined;
}

export interface K8sRule<O extends object = Record<string, unknown>> extends RuleMeta<O> {
  language: 'kubernetes';
  check(ctx: K8sContext<O>): void;
}

export type Rule = K8sRule<any>;

export function defineRule<O extends object>(rule: K8sRule<O>): K8sRule<O> {
  return rule;
}
