// Decides when diagnostics are computed and delivered: pushed per version or refreshed for pulling clients, with dependents re-linted.
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { ClientFeatures } from './clientFeatures';
import type { Debouncer } from './debouncer';
import { toDiagnostics } from './diagnostics';
import type { OpenDocument, OpenDocuments } from './documents';
import type { FileStore } from './fileStore';
import type { Guard } from './guard';
import type { Linter } from './linter';
import type { SettingsStore } from './settings';

const DEPENDENTS = '#dependents';
const REFRESH = '#refresh';
const DISK = '#disk';
/** Files that are not open are re-checked less eagerly after a change elsewhere. */
const DISK_DELAY_MS = 1000;

export interface ControllerOptions {
  /** True when some enabled rule reads other files: only then do edits re-lint other documents. */
  hasWorkspaceRules: boolean;
  debounceMs: () => number;
}

export class DiagnosticsController {
  /** Files not open whose diagnostics are shown (scanned files, configuration files with problems). */
  private readonly onDisk = new Set<string>();
  /** Per open document: the version the user last saved or opened (what on-save mode lints). */
  private readonly savedVersion = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly features: ClientFeatures,
    private readonly docs: OpenDocuments,
    private readonly store: FileStore,
    private readonly linter: Linter,
    private readonly settings: SettingsStore,
    private readonly debouncer: Debouncer,
    private readonly guard: Guard,
    private readonly options: ControllerOptions,
  ) {
    store.onObjectsChanged((key) => this.objectsChanged(key));
  }

  get pull(): boolean { return this.features.pullDiagnostics; }

  opened(doc: OpenDocument): void {
    this.savedVersion.set(doc.key, doc.document.version);
    this.linter.markDirty(doc.key);
    // A pulling client shows its own results for open files: clear what was pushed for the file on disk.
    if (this.pull) { if (this.onDisk.has(doc.key)) this.send(doc.uri, [], undefined); }
    else this.schedule(doc.key, 0);
  }

  changed(doc: OpenDocument): void {
    this.linter.markDirty(doc.key);
    if (!this.pull && this.settings.value.run === 'onType') this.schedule(doc.key, this.options.debounceMs());
  }

  saved(doc: OpenDocument): void {
    this.savedVersion.set(doc.key, doc.document.version);
    if (!this.pull && this.settings.value.run === 'onSave') this.schedule(doc.key, 0);
  }

  /** After the editor closed a file and its disk text is back in the store. */
  closed(key: string, uri: string): void {
    this.debouncer.cancel(key);
    this.savedVersion.delete(key);
    this.linter.forget(key);
    if (this.onDisk.has(key)) this.publishDisk(key);
    else if (!this.pull) this.send(uri, [], undefined);
  }

  /** The version on-save mode shows results for. */
  savedVersionOf(key: string): number | undefined { return this.savedVersion.get(key); }

  /**
   * Configuration or settings changed: every result may differ. Open buffers go through the store
   * again, as the size limit (or whether the file is ignored) decided what they hold there.
   */
  everythingChanged(): void {
    for (const d of this.docs.all()) this.linter.markDirty(d.key);
    if (this.pull) this.scheduleRefresh(0);
    else for (const d of this.docs.all()) this.schedule(d.key, 0);
    this.debouncer.schedule(DISK, 0, () => this.guard.run('republish', () => { for (const k of this.onDisk) this.publishDisk(k); }));
  }

  /** Shows the diagnostics of a file that is not open (after a scan, or for a configuration file). */
  showOnDisk(key: string): void {
    this.onDisk.add(key);
    if (!this.docs.isOpen(key)) this.publishDisk(key);
  }

  /** Stops showing a file that is not open (deleted, or clean after a scan). */
  hideOnDisk(key: string): void {
    if (!this.onDisk.delete(key)) return;
    if (!this.docs.isOpen(key)) this.send(this.docs.clientUri(key), [], undefined);
  }

  /** A file that is not open changed on disk. */
  diskChanged(key: string): void {
    if (this.onDisk.has(key) && !this.docs.isOpen(key)) this.publishDisk(key);
  }

  /** Asks a pulling client to pull again (refresh), or re-pushes every open document. */
  refreshAll(): void {
    if (this.pull) this.scheduleRefresh(0);
    else for (const d of this.docs.all()) this.publish(d.key);
  }

  /** Computes and pushes the diagnostics of an open document for its current version. */
  publish(key: string): void {
    const doc = this.docs.get(key);
    if (!doc) return;
    if (!this.settings.value.enable) { this.send(doc.uri, [], doc.document.version); return; }
    const record = this.linter.lint(key);
    // Never publish a result for a version the editor has moved past.
    if (this.docs.get(key)?.document.version !== record.version) return;
    this.send(doc.uri, toDiagnostics(record.result, doc.document.getText(), record.version), record.version);
  }

  private publishDisk(key: string): void {
    if (this.docs.isOpen(key)) return;
    const uri = this.docs.clientUri(key);
    if (!this.settings.value.enable) { this.send(uri, [], undefined); return; }
    const record = this.linter.lint(key);
    this.send(uri, toDiagnostics(record.result, this.store.get(key)?.text ?? '', undefined), undefined);
  }

  private send(uri: string, diagnostics: Diagnostic[], version: number | undefined): void {
    void this.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics })
      .catch(() => undefined);
  }

  private schedule(key: string, delay: number): void {
    // The first results wait for the client's settings (lintel.enable, lintel.run).
    this.debouncer.schedule(key, delay, () => void this.settings.ready.then(() => this.guard.run(`lint ${key}`, () => this.publish(key))));
  }

  private scheduleRefresh(delay: number): void {
    if (!this.features.diagnosticRefresh) return;
    this.debouncer.schedule(REFRESH, delay, () => {
      this.connection.languages.diagnostics.refresh().catch(() => undefined);
    });
  }

  /** Some file's Kubernetes objects changed: results of other files that read them may change too. */
  private objectsChanged(source: string | undefined): void {
    if (!this.options.hasWorkspaceRules) return;
    const delay = this.options.debounceMs();
    if (this.pull) this.scheduleRefresh(delay);
    else {
      this.debouncer.schedule(DEPENDENTS, delay, () => this.guard.run('re-lint dependents', () => {
        for (const d of this.docs.all()) {
          if (d.key === source || this.debouncer.isPending(d.key)) continue;
          if (this.store.get(d.key)?.objects.length) this.publish(d.key);
        }
      }));
    }
    if (this.onDisk.size) {
      this.debouncer.schedule(DISK, DISK_DELAY_MS, () => this.guard.run('re-lint shown files', () => {
        for (const k of this.onDisk) if (this.store.get(k)?.objects.length) this.publishDisk(k);
      }));
    }
  }
}
