// Answers textDocument/diagnostic for pulling clients: debounced, per version, 'unchanged' when the result id still holds.
import {
  DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError,
  type CancellationToken, type DocumentDiagnosticParams, type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { DiagnosticsController } from './controller';
import type { Timers } from './deps';
import { toDiagnostics } from './diagnostics';
import type { OpenDocuments } from './documents';
import type { LintRecord, Linter } from './linter';
import type { SettingsStore } from './settings';
import { documentKey } from './uri';

export class PullDiagnostics {
  constructor(
    private readonly docs: OpenDocuments,
    private readonly linter: Linter,
    private readonly settings: SettingsStore,
    private readonly controller: DiagnosticsController,
    private readonly timers: Timers,
    private readonly debounceMs: () => number,
  ) {}

  async handle(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    await this.settings.ready;
    const doc = this.docs.byUri(params.textDocument.uri) ?? this.docs.get(documentKey(params.textDocument.uri));
    if (!doc || !this.settings.value.enable) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    // Typing: wait until the buffer has been quiet for the debounce delay; a newer edit cancels this request.
    const quiet = this.debounceMs() - this.docs.sinceLastChange(doc.key);
    if (quiet > 0 && this.settings.value.run === 'onType') await this.delay(quiet, token);
    // Cancelled (the client pulls again, as it does after a cancellation without data). A document that changed
    // meanwhile is linted as it is now: the result belongs to its current version, never to an older one.
    // (ServerCancelled with retriggerRequest: false would make VS Code drop a pull it has queued meanwhile.)
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
    const current = this.docs.get(doc.key);
    if (!current) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const record = this.recordFor(doc.key, current.document.version);
    if (params.previousResultId === record.stamp) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: record.stamp };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: record.stamp, items: toDiagnostics(record.result, current.document.getText(), record.version) };
  }

  /** On-save mode keeps showing the result of the saved version until the next save. */
  private recordFor(key: string, version: number): LintRecord {
    if (this.settings.value.run === 'onSave') {
      const saved = this.controller.savedVersionOf(key);
      const last = this.linter.last(key);
      if (saved !== version && last) return last;
    }
    return this.linter.lint(key);
  }

  private delay(ms: number, token: CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      const handle = this.timers.setTimeout(() => { sub.dispose(); resolve(); }, ms);
      const sub = token.onCancellationRequested(() => { this.timers.clearTimeout(handle); sub.dispose(); resolve(); });
    });
  }
}
