// A status bar item with the counts of Lintel's errors and warnings across the workspace.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../server/src/lsp/protocol';

const UPDATE_DELAY_MS = 250;

export function countLintelDiagnostics(all: ReadonlyArray<[vscode.Uri, readonly vscode.Diagnostic[]]>): { errors: number; warnings: number } {
  let errors = 0, warnings = 0;
  for (const [, diags] of all) {
    for (const d of diags) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    }
  }
  return { errors, warnings };
}

export class LintelStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('lintel.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.item.name = 'Lintel';
    this.item.command = 'workbench.actions.view.problems';
    this.subscription = vscode.languages.onDidChangeDiagnostics(() => this.schedule());
    this.update();
  }

  /** Shown while the language server runs. */
  setRunning(running: boolean): void {
    if (running) { this.update(); this.item.show(); } else this.item.hide();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => { this.timer = undefined; this.update(); }, UPDATE_DELAY_MS);
  }

  private update(): void {
    const { errors, warnings } = countLintelDiagnostics(vscode.languages.getDiagnostics());
    this.item.text = `$(error) ${errors} $(warning) ${warnings} Lintel`;
    this.item.tooltip = `Lintel: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}. Click to open the Problems panel.`;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscription.dispose();
    this.item.dispose();
  }
}
