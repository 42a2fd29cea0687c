// Fix-all for one open document: the engine's safe fixes applied until stable, sent as one minimal edit.
import { fixAll, minimalEdit, type Rule, type TextEdit } from '../engine';
import type { ConfigService } from './configs';
import type { FileStore } from './fileStore';
import type { Linter } from './linter';

export interface FixAllOutcome { edit?: TextEdit; applied: number }

export function computeFixAll(key: string, store: FileStore, configs: ConfigService, linter: Linter, rules: readonly Rule[]): FixAllOutcome {
  linter.sync();
  const file = store.get(key);
  if (!file || !file.yaml || file.objects.length === 0 || configs.isIgnored(key)) return { applied: 0 };
  const before = file.text;
  const result = fixAll(store.ws, key, configs.forKey(key).config, rules, { safeOnly: true });
  const edit = minimalEdit(before, result.text);
  return { edit, applied: edit ? result.applied : 0 };
}
