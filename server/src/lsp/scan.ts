// lintel/scanWorkspace: re-index, lint every file, show the results of files that are not open, report counts.
import type { CancellationToken, Connection, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { ClientFeatures } from './clientFeatures';
import type { DiagnosticsController } from './controller';
import type { Timers } from './deps';
import { countResult } from './diagnostics';
import type { OpenDocuments } from './documents';
import type { FileStore } from './fileStore';
import type { Indexer } from './indexer';
import type { Linter } from './linter';
import type { FileCounts, ScanWorkspaceParams, ScanWorkspaceResult } from './protocol';

const SLICE_MS = 15;

export class WorkspaceScan {
  private shown = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly features: ClientFeatures,
    private readonly indexer: Indexer,
    private readonly store: FileStore,
    private readonly docs: OpenDocuments,
    private readonly linter: Linter,
    private readonly controller: DiagnosticsController,
    private readonly timers: Timers,
  ) {}

  async run(params: ScanWorkspaceParams, token: CancellationToken): Promise<ScanWorkspaceResult> {
    const started = this.timers.now();
    const { progress, cancel } = await this.progress(params);
    const cancelled = () => token.isCancellationRequested || !!cancel?.isCancellationRequested;
    progress.begin('Lintel: scanning workspace', 0, 'indexing files', true);
    try {
      await this.indexer.index((done, total) => progress.report(Math.round((done * 40) / Math.max(total, 1)), `indexing ${done}/${total} files`));
      const keys = [...new Set([...this.indexer.walked, ...this.docs.all().map((d) => d.key), ...this.store.keys()])].sort();
      const files: FileCounts[] = [];
      const shownNow = new Set<string>();
      let slice = this.timers.now();
      for (let i = 0; i < keys.length; i++) {
        if (cancelled()) return this.result(files, started, true);
        const key = keys[i];
        const counts = countResult(this.linter.lint(key).result);
        const problems = counts.errors + counts.warnings + counts.infos;
        if (problems) files.push({ uri: this.docs.clientUri(key), ...counts });
        if (!this.docs.isOpen(key)) {
          if (problems) { shownNow.add(key); this.controller.showOnDisk(key); }
          else this.controller.hideOnDisk(key);
        }
        if (this.timers.now() - slice > SLICE_MS) {
          progress.report(40 + Math.round(((i + 1) * 60) / keys.length), `linting ${i + 1}/${keys.length} files`);
          await this.timers.yield();
          slice = this.timers.now();
        }
      }
      for (const key of this.shown) if (!shownNow.has(key)) this.controller.hideOnDisk(key);
      this.shown = shownNow;
      this.controller.refreshAll();
      return this.result(files, started, false, keys.length);
    } finally {
      progress.done();
    }
  }

  /** The client's progress token when it sent one, else progress the server creates (cancellable from the editor). */
  private async progress(params: ScanWorkspaceParams): Promise<{ progress: WorkDoneProgressReporter; cancel?: CancellationToken }> {
    if (params.workDoneToken !== undefined) return { progress: this.connection.window.attachWorkDoneProgress(params.workDoneToken) };
    if (this.features.workDoneProgress) {
      const created = await this.connection.window.createWorkDoneProgress();
      return { progress: created, cancel: created.token };
    }
    return { progress: this.connection.window.attachWorkDoneProgress(undefined) };
  }

  private result(files: FileCounts[], started: number, cancelled: boolean, scanned = files.length): ScanWorkspaceResult {
    const totals = { files: scanned, filesWithProblems: files.length, errors: 0, warnings: 0, infos: 0 };
    for (const f of files) { totals.errors += f.errors; totals.warnings += f.warnings; totals.infos += f.infos; }
    return { files, totals, durationMs: Math.round(this.timers.now() - started), cancelled };
  }
}
