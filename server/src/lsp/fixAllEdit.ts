// Fix-all for one open document: the engine's safe fixes applied until stable, sent as one minimal edit, computed once per document state.
import { fixAll, minimalEdit, type Rule, type TextEdit } from '../engine';
import type { ConfigService } from './configs';
import type { FileStore } from './fileStore';
import type { Linter } from './linter';

export interface FixAllOutcome { edit?: TextEdit; applied: number }

/**
 * Fix-all outcomes, cached per document: the result holds while the editor version and the lint
 * stamp (text revision, configuration, workspace objects) are those it was computed for.
 */
export class FixAllService {
  private readonly cache = new Map<string, { tag: string; outcome: FixAllOutcome }>();
  /** How many times fix-all was computed (not taken from the cache). */
  computations = 0;

  constructor(
    private readonly store: FileStore,
    private readonly configs: ConfigService,
    private readonly linter: Linter,
    private readonly rules: readonly Rule[],
  ) {}

  outcome(key: string, version: number | undefined): FixAllOutcome {
    const tag = `${version}|${this.linter.lint(key).stamp}`;
    const hit = this.cache.get(key);
    if (hit && hit.tag === tag) return hit.outcome;
    const outcome = this.compute(key);
    this.computations++;
    this.cache.set(key, { tag, outcome });
    return outcome;
  }

  forget(key: string): void { this.cache.delete(key); }

  private compute(key: string): FixAllOutcome {
    const file = this.store.get(key);
    if (!file || !file.yaml || file.objects.length === 0 || this.configs.isIgnored(key)) return { applied: 0 };
    const before = file.text;
    const result = fixAll(this.store.ws, key, this.configs.forKey(key).config, this.rules, { safeOnly: true });
    const edit = minimalEdit(before, result.text);
    return { edit, applied: edit ? result.applied : 0 };
  }
}
