// Test helpers that run the real engine over texts with a chosen configuration.
import { ALL_RULES } from '../../rules';
import { EffectiveConfig, lintFile, Workspace, type LintelConfigFile, type LintResult } from '../../server/src/engine';

export function lintTexts(files: Record<string, string>, target: string, config: LintelConfigFile = {}, only?: string[]): LintResult {
  const ws = new Workspace();
  for (const [uri, text] of Object.entries(files)) ws.set(uri, text);
  return lintFile(ws, target, new EffectiveConfig(config, ALL_RULES), ALL_RULES, only ? { only: new Set(only) } : {});
}

export function lintText(text: string, config: LintelConfigFile = { extends: 'all' }, uri = 'file:///test/manifest.yaml'): LintResult {
  return lintTexts({ [uri]: text }, uri, config);
}

export function ruleById(id: string) {
  const r = ALL_RULES.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}
