// Shared helpers for the engine suites: analyse texts with the real engine and check results re-parse.
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { applyEdits, EffectiveConfig, lintFile, Workspace, type LintelConfigFile, type LintResult, type Rule, type TextEdit } from '../../server/src/engine';
import { parseYaml, type YamlFile } from '../../server/src/engine/parse/yaml';
import { YamlEditor } from '../../server/src/engine/edit/yaml';

export const URI = 'file:///work/manifest.yaml';

/** Lints one text with the given rules and configuration (every rule on by default). */
export function lint(text: string, rules: readonly Rule[], config: LintelConfigFile = { extends: 'all' }, uri = URI): LintResult {
  const ws = new Workspace();
  ws.set(uri, text);
  return lintFile(ws, uri, new EffectiveConfig(config, rules), rules);
}

/** A parsed file and an editor over it. */
export function editorFor(text: string): { file: YamlFile; edit: YamlEditor } {
  const file = parseYaml(URI, text);
  return { file, edit: new YamlEditor(file) };
}

/** Applies edits and asserts the result is YAML without errors or warnings. */
export function applyAndReparse(text: string, edits: TextEdit | TextEdit[] | undefined): string {
  assert.ok(edits, 'an edit was produced');
  const out = applyEdits(text, Array.isArray(edits) ? edits : [edits]);
  for (const d of parseAllDocuments(out, { uniqueKeys: true }) as unknown as Array<{ errors: Array<{ message: string }>; warnings: Array<{ message: string }> }>) {
    assert.deepEqual(d.errors.map((e) => e.message), [], `result re-parses without errors:\n${out}`);
    assert.deepEqual(d.warnings.map((e) => e.message), [], `result re-parses without warnings:\n${out}`);
  }
  return out;
}

/** The text a finding covers. */
export function covered(text: string, f: { start: number; end: number }): string {
  return text.slice(f.start, f.end);
}

/** Lines joined with "\n" (keeps fixtures readable in the test source). */
export function lines(...ls: string[]): string {
  return ls.join('\n') + '\n';
}

/** A minimal Kubernetes rule for engine tests; `check` decides what it reports. */
export function testRule(id: string, check: Rule['check'], extra: Partial<Rule> = {}): Rule {
  return {
    id, title: `Test rule ${id}`, theme: 'metadata', severity: 'warning', enabledByDefault: true, language: 'kubernetes',
    rationale: 'A rule used only by the engine tests.', remediation: 'None.', fixable: false, check, ...extra,
  } as Rule;
}
