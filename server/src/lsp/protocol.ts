// Custom requests, commands and settings shared by the language server and the VS Code client (names and shapes only).

/** Commands the server executes through workspace/executeCommand. */
export const Commands = {
  fixAllSafe: 'lintel.fixAllSafe',
  showRuleDocs: 'lintel.showRuleDocs',
} as const;

/** Custom request methods. */
export const Methods = {
  scanWorkspace: 'lintel/scanWorkspace',
  ruleDocs: 'lintel/ruleDocs',
  listRules: 'lintel/listRules',
  stats: 'lintel/stats',
} as const;

/** Code action kind of the fix-all source action. */
export const FIX_ALL_KIND = 'source.fixAll.lintel';
export const DIAGNOSTIC_SOURCE = 'lintel';

export type RunMode = 'onType' | 'onSave';

/** Editor settings (`lintel.*`), also accepted as initializationOptions by editors without workspace/configuration. */
export interface LintelSettings {
  enable: boolean;
  run: RunMode;
}

/** Arguments of `lintel.fixAllSafe`. */
export interface FixAllSafeArgs { uri: string; version: number }
export interface FixAllSafeResult { applied: boolean; fixes: number }

/** What `Diagnostic.data` carries: the finding id and the document version it was computed for. */
export interface DiagnosticData { id: string; version?: number }

export interface ScanWorkspaceParams { workDoneToken?: string | number }
export interface FileCounts { uri: string; errors: number; warnings: number; infos: number }
export interface ScanWorkspaceResult {
  files: FileCounts[];
  totals: { files: number; filesWithProblems: number; errors: number; warnings: number; infos: number };
  durationMs: number;
  cancelled: boolean;
}

export interface RuleDocsParams { ruleId: string }
export interface RuleDocsResult { ruleId: string; title: string; url: string; markdown: string }

export interface RuleSummary { id: string; title: string; severity: 'error' | 'warning' | 'info'; theme: string; enabledByDefault: boolean }

export interface ServerStats {
  lints: number; lastLintMs: number; totalLintMs: number;
  lastSyncMs: number; totalSyncMs: number;
  indexedFiles: number; indexing: boolean;
  /** Fix-all edits computed so far (code actions and lintel.fixAllSafe; cached ones not counted). */
  fixAllComputations: number;
}
