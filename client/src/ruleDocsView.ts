// Rule documentation in the editor: a read-only `lintel-docs:` document shown as a markdown preview.
import * as vscode from 'vscode';
import type { RuleDocsResult } from '../../server/src/lsp/protocol';

export const DOCS_SCHEME = 'lintel-docs';

export class RuleDocsView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly pages = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.pages.get(uri.path) ?? '# Lintel\n\nThis rule page is no longer available.\n';
  }

  /** Shows the page in the markdown preview; falls back to the online page when there is no preview. */
  async show(docs: RuleDocsResult): Promise<void> {
    const uri = vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/${docs.ruleId}.md` });
    this.pages.set(uri.path, docs.markdown);
    this.changed.fire(uri);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      await vscode.env.openExternal(vscode.Uri.parse(docs.url));
    }
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
