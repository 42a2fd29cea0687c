// Effective configuration: base set, per-rule severity and options, and analysis settings.
import type { Rule } from '../rule';
import type { Severity, SeverityLevel } from '../types';

export type Preset = 'recommended' | 'strict' | 'all';
export type RuleEntry = SeverityLevel | { severity?: SeverityLevel; options?: Record<string, unknown> };

export interface LintelConfigFile {
  extends?: Preset;
  rules?: Record<string, RuleEntry>;
  ignorePaths?: string[];
  kubernetesVersion?: string;
  maxFileSizeMB?: number;
  terraform?: { varFiles?: string[] };
}

export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown>;
  /** True when the configuration names the severity; a finding's own severity then gives way to it. */
  explicit: boolean;
}

export const DEFAULT_KUBERNETES_VERSION = '1.34';
export const DEFAULT_MAX_FILE_MB = 5;

export class EffectiveConfig {
  private readonly entries = new Map<string, RuleEntry>();
  constructor(readonly file: LintelConfigFile = {}, rules: readonly Rule[] = []) {
    // Aliases in config resolve to their rule, so a team's existing ids keep working.
    // A coarse peer id may stand for several rules; it configures all of them, and a rule's own id wins.
    const byAlias = new Map<string, string[]>();
    for (const r of rules) for (const a of r.aliases ?? []) byAlias.set(a, [...(byAlias.get(a) ?? []), r.id]);
    const entries = Object.entries(file.rules ?? {});
    for (const [key, entry] of entries) for (const id of byAlias.get(key) ?? []) this.entries.set(id, entry);
    for (const [key, entry] of entries) if (!byAlias.has(key)) this.entries.set(key, entry);
  }

  get preset(): Preset { return this.file.extends ?? 'recommended'; }
  get kubernetesVersion(): string { return (this.file.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION).replace(/^v/, ''); }
  get maxFileBytes(): number { return (this.file.maxFileSizeMB ?? DEFAULT_MAX_FILE_MB) * 1024 * 1024; }
  get ignorePaths(): string[] { return this.file.ignorePaths ?? []; }

  /** The rule's severity and options, or undefined when it is off. */
  setting(rule: Rule): RuleSetting | undefined {
    const entry = this.entries.get(rule.id);
    const level: SeverityLevel | undefined = typeof entry === 'string' ? entry : entry?.severity;
    const options = { ...(rule.options ?? {}), ...(typeof entry === 'object' ? entry.options ?? {} : {}) };
    if (level === 'off') return undefined;
    if (level) return { severity: level, options, explicit: true };
    const on = this.preset === 'all' || rule.enabledByDefault || (typeof entry === 'object' && entry.options !== undefined);
    if (!on) return undefined;
    return { severity: this.presetSeverity(rule.severity), options, explicit: false };
  }

  /** A default severity as the preset sees it: `strict` raises warnings to errors. */
  presetSeverity(severity: Severity): Severity {
    return this.preset === 'strict' && severity === 'warning' ? 'error' : severity;
  }
}
