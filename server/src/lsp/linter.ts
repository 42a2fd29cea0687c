// Lints one file at a time with its configuration, caching results per text revision, configuration and workspace objects.
import { lintFile, type Finding, type LintResult, type Rule } from '../engine';
import type { ConfigService } from './configs';
import type { OpenDocuments } from './documents';
import type { FileStore } from './fileStore';
import { isConfigFile } from './uri';

export interface LintRecord {
  key: string;
  /** Editor version the result belongs to; undefined for files that are not open. */
  version?: number;
  /** Changes whenever the result may change: used as the pull-diagnostics resultId. */
  stamp: string;
  result: LintResult;
}

export interface LintStats {
  lints: number; lastLintMs: number; totalLintMs: number;
  /** Time spent parsing editor buffers into the workspace (before linting). */
  lastSyncMs: number; totalSyncMs: number;
}

export class Linter {
  private readonly cache = new Map<string, LintRecord>();
  private readonly findings = new Map<string, { tag: string; byId: Map<string, Finding> }>();
  private readonly dirty = new Set<string>();
  readonly stats: LintStats = { lints: 0, lastLintMs: 0, totalLintMs: 0, lastSyncMs: 0, totalSyncMs: 0 };

  constructor(
    private readonly store: FileStore,
    private readonly configs: ConfigService,
    private readonly docs: OpenDocuments,
    private readonly rules: readonly Rule[],
    private readonly now: () => number,
  ) {}

  /** An editor buffer changed: its text reaches the workspace before the next lint. */
  markDirty(key: string): void { this.dirty.add(key); }

  /** Writes every changed editor buffer into the workspace (or takes it out, when the configuration ignores it). */
  sync(): void {
    if (this.dirty.size === 0) return;
    const started = this.now();
    for (const key of [...this.dirty]) {
      this.dirty.delete(key);
      const doc = this.docs.get(key);
      if (!doc) continue;
      // A file the configuration ignores stays out of the workspace even while open: the indexer leaves it out too,
      // and its objects must not change other files' results.
      if (this.configs.isIgnored(key)) this.store.delete(key);
      else this.store.setText(key, doc.document.getText(), this.configs.maxBytes(key));
    }
    const ms = this.now() - started;
    this.stats.lastSyncMs = ms;
    this.stats.totalSyncMs += ms;
  }

  /** The current result for a file (open or not), recomputed only when its inputs changed. */
  lint(key: string): LintRecord {
    this.sync();
    const version = this.docs.get(key)?.document.version;
    const stamp = this.stampOf(key);
    const cached = this.cache.get(key);
    if (cached && cached.stamp === stamp && cached.version === version) return cached;
    const started = this.now();
    const result = this.compute(key);
    const ms = this.now() - started;
    this.stats.lints++;
    this.stats.lastLintMs = ms;
    this.stats.totalLintMs += ms;
    const record: LintRecord = { key, version, stamp, result };
    this.cache.set(key, record);
    this.remember(key, version, result.findings);
    return record;
  }

  /** The last result computed for a file, whatever its inputs are now. */
  last(key: string): LintRecord | undefined { return this.cache.get(key); }

  /** A finding by the id a diagnostic carries, only if it was computed for `version`. */
  finding(key: string, id: string, version: number | undefined): Finding | undefined {
    const entry = this.findings.get(key);
    if (!entry || version === undefined || entry.tag !== `v${version}`) return undefined;
    return entry.byId.get(id);
  }

  forget(key: string): void {
    this.cache.delete(key);
    this.findings.delete(key);
    this.dirty.delete(key);
  }

  private stampOf(key: string): string {
    const configGen = this.configs.configGeneration;
    if (isConfigFile(key)) return `c${configGen}`;
    const file = this.store.get(key);
    const objectsGen = file && file.objects.length > 0 ? this.store.objectsGeneration : '-';
    return `${this.store.revision(key)}.${configGen}.${objectsGen}`;
  }

  private compute(key: string): LintResult {
    if (isConfigFile(key)) return { uri: key, findings: [], errors: this.configs.errorsOf(key) };
    if (!this.store.has(key) || this.configs.isIgnored(key)) return { uri: key, findings: [], errors: [] };
    return lintFile(this.store.ws, key, this.configs.forKey(key).config, this.rules);
  }

  private remember(key: string, version: number | undefined, findings: readonly Finding[]): void {
    const tag = version !== undefined ? `v${version}` : `r${this.store.revision(key)}`;
    let entry = this.findings.get(key);
    if (!entry || entry.tag !== tag) {
      entry = { tag, byId: new Map() };
      this.findings.set(key, entry);
    }
    for (const f of findings) entry.byId.set(f.id, f);
  }
}
