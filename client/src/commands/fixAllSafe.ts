// Lintel: Fix All Safe Problems in File — the server computes the edit for the editor's current version and applies it.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { Commands, type FixAllSafeArgs, type FixAllSafeResult } from '../../../server/src/lsp/protocol';

export async function fixAllSafeProblems(client: LanguageClient): Promise<FixAllSafeResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) { void vscode.window.showInformationMessage('Lintel: open a file to fix.'); return undefined; }
  const doc = editor.document;
  const args: FixAllSafeArgs = { uri: client.code2ProtocolConverter.asUri(doc.uri), version: doc.version };
  const result = (await client.sendRequest(ExecuteCommandRequest.type, { command: Commands.fixAllSafe, arguments: [args] })) as FixAllSafeResult | null;
  if (result && !result.applied) void vscode.window.showInformationMessage('Lintel: no safe fixes to apply in this file.');
  return result ?? undefined;
}
