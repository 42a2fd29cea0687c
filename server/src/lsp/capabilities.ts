// The capabilities the server announces, shaped by what the client supports.
import { CodeActionKind, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver';
import type { ClientFeatures } from './clientFeatures';
import { Commands, FIX_ALL_KIND } from './protocol';

export function serverCapabilities(features: ClientFeatures): ServerCapabilities {
  const caps: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND], resolveProvider: true },
    executeCommandProvider: { commands: [Commands.fixAllSafe, Commands.showRuleDocs] },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
  if (features.pullDiagnostics) {
    caps.diagnosticProvider = { identifier: 'lintel', interFileDependencies: true, workspaceDiagnostics: false };
  }
  return caps;
}
