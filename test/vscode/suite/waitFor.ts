// Waits on VS Code events (never on fixed delays): diagnostics of a document, or a document's text.
import * as vscode from 'vscode';

export function waitForDiagnostics(uri: vscode.Uri, pred: (d: readonly vscode.Diagnostic[]) => boolean, timeoutMs = 30_000): Promise<readonly vscode.Diagnostic[]> {
  return waitForEvent(vscode.languages.onDidChangeDiagnostics, () => {
    const d = vscode.languages.getDiagnostics(uri);
    return pred(d) ? d : undefined;
  }, `diagnostics of ${uri.toString()}`, timeoutMs);
}

export function waitForText(doc: vscode.TextDocument, pred: (text: string) => boolean, timeoutMs = 30_000): Promise<string> {
  return waitForEvent(vscode.workspace.onDidChangeTextDocument, () => (pred(doc.getText()) ? doc.getText() : undefined), `text of ${doc.uri.toString()}`, timeoutMs);
}

function waitForEvent<T, E>(event: vscode.Event<E>, probe: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
  const now = probe();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out waiting for ${what}`)); }, timeoutMs);
    const sub = event(() => {
      const v = probe();
      if (v === undefined) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(v);
    });
  });
}
