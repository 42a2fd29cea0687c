// Reads the `lintel.*` settings that shape how the client starts the server.
import * as vscode from 'vscode';
import type { LintelSettings, RunMode } from '../../server/src/lsp/protocol';

export function readSettings(): LintelSettings {
  const c = vscode.workspace.getConfiguration('lintel');
  const run = c.get<string>('run');
  return { enable: c.get<boolean>('enable', true), run: run === 'onSave' ? 'onSave' : ('onType' as RunMode) };
}

/** Whether a configuration change needs the client restarted (enable toggled or run mode changed). */
export function needsRestart(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration('lintel.enable') || e.affectsConfiguration('lintel.run');
}
