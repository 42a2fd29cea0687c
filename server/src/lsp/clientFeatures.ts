// What the connected editor supports, read once from its initialize request.
import type { ClientCapabilities, InitializeParams } from 'vscode-languageserver';
import type { LintelSettings } from './protocol';

export interface ClientFeatures {
  /** textDocument/diagnostic: the client pulls; otherwise diagnostics are pushed. */
  pullDiagnostics: boolean;
  /** workspace/diagnostic/refresh: the server may ask the client to pull again. */
  diagnosticRefresh: boolean;
  dynamicWatchers: boolean;
  configuration: boolean;
  workDoneProgress: boolean;
  documentChanges: boolean;
  showDocument: boolean;
  workspaceFolders: boolean;
  /** codeAction/resolve for the edit: fix-all actions are offered without their edit, which is computed when chosen. */
  codeActionResolve: boolean;
  /** Settings given as initializationOptions (editors without workspace/configuration). */
  initialSettings: Partial<LintelSettings> & { debounceMs?: number };
}

export function readClientFeatures(params: InitializeParams): ClientFeatures {
  const c: ClientCapabilities = params.capabilities ?? {};
  const options = (params.initializationOptions ?? {}) as Record<string, unknown>;
  const initialSettings: ClientFeatures['initialSettings'] = {};
  if (typeof options.enable === 'boolean') initialSettings.enable = options.enable;
  if (options.run === 'onType' || options.run === 'onSave') initialSettings.run = options.run;
  if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) initialSettings.debounceMs = options.debounceMs;
  return {
    pullDiagnostics: !!c.textDocument?.diagnostic,
    diagnosticRefresh: !!c.workspace?.diagnostics?.refreshSupport,
    dynamicWatchers: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    configuration: !!c.workspace?.configuration,
    workDoneProgress: !!c.window?.workDoneProgress,
    documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
    showDocument: !!c.window?.showDocument?.support,
    workspaceFolders: !!c.workspace?.workspaceFolders,
    codeActionResolve: !!c.textDocument?.codeAction?.resolveSupport?.properties.includes('edit'),
    initialSettings,
  };
}
