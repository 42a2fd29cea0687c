// In VS Code: a bad manifest gets Lintel diagnostics with the rule code and docs link; its quick-fix and fix-all edit it.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitForDiagnostics, waitForText } from './waitFor';

const RULE = 'k8s/privileged-container';

function lintel(diags: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diags.filter((d) => d.source === 'lintel' && typeof d.code === 'object' && d.code.value === RULE);
}

describe('Lintel in VS Code', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    const ext = vscode.extensions.getExtension('lintel-dev.lintel');
    assert.ok(ext, 'the extension under development is installed');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is open');
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'deployment.yaml'));
    await vscode.window.showTextDocument(doc);
    const api = (await ext.activate()) as { ready: Promise<void> };
    await api.ready;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('reports the privileged container with its rule code and documentation link', async () => {
    const [d] = lintel(await waitForDiagnostics(doc.uri, (x) => lintel(x).length > 0));
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(d.range), 'true');
    const code = d.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.toString(true), `https://github.com/lintel-dev/lintel/blob/main/docs/rules/${RULE}.md`);
  });

  it('offers the quick-fix, suppressions and docs as code actions', async () => {
    const [d] = lintel(vscode.languages.getDiagnostics(doc.uri));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Set privileged: false'), titles.join('\n'));
    assert.ok(titles.includes(`Ignore ${RULE} on this line`), titles.join('\n'));
    assert.ok(titles.includes(`Show documentation for ${RULE}`), titles.join('\n'));
  });

  it('fixes all safe problems from the command palette and the diagnostic goes away', async () => {
    await vscode.commands.executeCommand('lintel.fixAllSafeProblems');
    await waitForText(doc, (t) => !t.includes('privileged: true'));
    await waitForDiagnostics(doc.uri, (x) => lintel(x).length === 0);
  });
});
