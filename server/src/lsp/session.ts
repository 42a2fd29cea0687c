// One initialized connection: the parts built for the client's capabilities, and how editor and disk events reach them.
import type { Connection, DidChangeConfigurationParams, DidChangeWatchedFilesParams, InitializeParams, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import type { ClientFeatures } from './clientFeatures';
import { CodeActions } from './codeActions';
import { CommandHandler } from './commands';
import { ConfigService } from './configs';
import { DiagnosticsController } from './controller';
import { Debouncer } from './debouncer';
import type { ServerDeps } from './deps';
import { DiskFiles } from './diskFiles';
import type { OpenDocument, OpenDocuments } from './documents';
import { FileStore } from './fileStore';
import { FixAllService } from './fixAllEdit';
import type { Guard, Logger } from './guard';
import { Indexer } from './indexer';
import { Linter } from './linter';
import type { ServerStats } from './protocol';
import { PullDiagnostics } from './pullDiagnostics';
import { WorkspaceScan } from './scan';
import { SettingsStore } from './settings';
import { isConfigFile, isInside, pathOfKey } from './uri';
import { applyWatchedChanges, registerWatchers } from './watcher';

const CONFIG_CHANGE = '#config';
const REINDEX = '#reindex';
const REINDEX_DELAY_MS = 300;

/** Workspace folder paths from initialize params (folders, else the root). */
export function initialFolders(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.length ? params.workspaceFolders.map((f) => f.uri) : params.rootUri ? [params.rootUri] : [];
  const paths = uris.map(pathOfKey).filter((p): p is string => !!p);
  if (!paths.length && params.rootPath) paths.push(params.rootPath);
  return paths;
}

export class Session {
  readonly store = new FileStore();
  readonly configs: ConfigService;
  readonly linter: Linter;
  readonly disk: DiskFiles;
  readonly indexer: Indexer;
  readonly settings: SettingsStore;
  readonly debouncer: Debouncer;
  readonly controller: DiagnosticsController;
  readonly pull: PullDiagnostics;
  readonly fixAll: FixAllService;
  readonly codeActions: CodeActions;
  readonly commands: CommandHandler;
  readonly scan: WorkspaceScan;
  private readonly debounceMs: number;
  /** Per configuration file: the settings that decide which files are indexed, as last seen. */
  private readonly indexingSettings = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly deps: ServerDeps,
    readonly features: ClientFeatures,
    private readonly docs: OpenDocuments,
    private readonly guard: Guard,
    private readonly log: Logger,
  ) {
    this.debounceMs = features.initialSettings.debounceMs ?? deps.debounceMs;
    const debounce = () => this.debounceMs;
    this.configs = new ConfigService(deps.rules, (p) => docs.textOfPath(p), deps.files);
    this.linter = new Linter(this.store, this.configs, docs, deps.rules, deps.timers.now);
    this.disk = new DiskFiles(this.store, this.configs, docs, deps.files);
    this.indexer = new Indexer(connection, deps, this.store, this.disk, log, () => features.workDoneProgress);
    this.settings = new SettingsStore(connection, features);
    this.debouncer = new Debouncer(deps.timers);
    this.controller = new DiagnosticsController(connection, features, docs, this.store, this.linter, this.settings, this.debouncer, guard, {
      hasWorkspaceRules: deps.rules.some((r) => r.workspace),
      debounceMs: debounce,
    });
    this.pull = new PullDiagnostics(docs, this.linter, this.settings, this.controller, deps.timers, debounce);
    this.fixAll = new FixAllService(this.store, this.configs, this.linter, deps.rules);
    this.codeActions = new CodeActions(docs, this.store, this.fixAll, this.linter, deps.rules, features);
    this.commands = new CommandHandler(connection, features, docs, this.store, this.fixAll, deps.rules);
    this.scan = new WorkspaceScan(connection, features, this.indexer, this.store, docs, this.linter, this.controller, deps.timers);
  }

  /** After `initialized`: watch files, read settings, index the folders in the background. */
  async start(folders: string[]): Promise<void> {
    this.indexer.setFolders(folders);
    const settings = this.features.configuration
      ? this.settings.refresh().catch((e) => { this.settings.giveUpWaiting(); this.log.error(`reading settings failed: ${e}`); })
      : Promise.resolve();
    const watchers = this.features.dynamicWatchers
      ? registerWatchers(this.connection).catch((e) => this.log.error(`registering file watchers failed: ${e}`))
      : Promise.resolve();
    if (this.features.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders(this.guard.notification('didChangeWorkspaceFolders', (e: WorkspaceFoldersChangeEvent) => this.foldersChanged(e)));
    }
    await Promise.all([settings, watchers]);
    void this.reindex();
  }

  opened(doc: OpenDocument): void {
    if (isConfigFile(doc.key)) this.configChanged(doc.key, 0);
    this.controller.opened(doc);
  }

  changed(doc: OpenDocument): void {
    if (isConfigFile(doc.key)) this.configChanged(doc.key, this.debounceMs);
    this.controller.changed(doc);
  }

  saved(doc: OpenDocument): void { this.controller.saved(doc); }

  closed(key: string, uri: string): void {
    this.fixAll.forget(key);
    this.disk.restore(key);
    if (isConfigFile(key)) this.configChanged(key, 0);
    this.controller.closed(key, uri);
  }

  watched(params: DidChangeWatchedFilesParams): void {
    applyWatchedChanges(params, this.docs, this.disk, {
      configChanged: (key, created) => this.configChanged(key, 0, created),
      fileChanged: (key, deleted) => {
        if (!deleted) { this.controller.diskChanged(key); return; }
        this.linter.forget(key);
        this.controller.hideOnDisk(key);
      },
    });
  }

  async configurationChanged(params: DidChangeConfigurationParams): Promise<void> {
    if (await this.settings.refresh(params.settings)) this.controller.everythingChanged();
  }

  stats(): ServerStats {
    return { ...this.linter.stats, indexedFiles: this.indexer.indexedFiles, indexing: this.indexer.indexing, fixAllComputations: this.fixAll.computations };
  }

  dispose(): void { this.debouncer.dispose(); }

  /**
   * A configuration file changed (in an editor or on disk): results and its own diagnostics may
   * change; the index is rebuilt when the set of indexed files may differ (ignorePaths, size limit,
   * or a configuration file that appeared or vanished).
   */
  private configChanged(key: string, delay: number, createdOrDeleted = false): void {
    const path = pathOfKey(key);
    const before = path ? this.indexingSettings.get(path) : undefined;
    this.configs.changed(path);
    const after = path ? this.indexingSignature(key) : undefined;
    if (path && after !== undefined) this.indexingSettings.set(path, after);
    this.debouncer.schedule(CONFIG_CHANGE, delay, () => this.guard.run('configuration change', () => {
      this.showConfigProblems(key);
      this.controller.everythingChanged();
    }));
    if (createdOrDeleted || before !== after) this.debouncer.schedule(REINDEX, Math.max(delay, REINDEX_DELAY_MS), () => void this.reindex());
  }

  /** What of a configuration decides which files are indexed. */
  private indexingSignature(key: string): string {
    const { config } = this.configs.forKey(key);
    return `${config.maxFileBytes}|${JSON.stringify(config.ignorePaths)}`;
  }

  private showConfigProblems(key: string): void {
    if (this.docs.isOpen(key)) return;
    if (this.configs.errorsOf(key).length && pathOfKey(key) && this.configFileExists(key)) this.controller.showOnDisk(key);
    else this.controller.hideOnDisk(key);
  }

  private configFileExists(key: string): boolean {
    return this.deps.files.exists(pathOfKey(key)!);
  }

  private foldersChanged(e: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(e.removed.map((f) => pathOfKey(f.uri)).filter((p): p is string => !!p));
    for (const key of this.store.keys()) {
      const path = pathOfKey(key);
      if (path && [...removed].some((f) => isInside(path, f))) this.disk.forget(key);
    }
    const kept = this.indexer.workspaceFolders.filter((f) => !removed.has(f));
    this.indexer.setFolders([...kept, ...e.added.map((f) => pathOfKey(f.uri)).filter((p): p is string => !!p)]);
    void this.reindex();
  }

  private async reindex(): Promise<void> {
    const started = this.deps.timers.now();
    try {
      const result = await this.indexer.index();
      for (const key of result.configFiles) {
        this.showConfigProblems(key);
        this.indexingSettings.set(pathOfKey(key)!, this.indexingSignature(key));
      }
      this.log.info(`indexed ${result.files} files in ${Math.round(this.deps.timers.now() - started)} ms`);
    } catch (e) {
      this.log.error(`indexing failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
