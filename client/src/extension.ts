// VS Code entry point: activates Lintel, starting the language server over IPC unless lintel.enable is off.
import type * as vscode from 'vscode';
import { LintelExtension } from './lintelExtension';

let extension: LintelExtension | undefined;

export interface LintelApi {
  /** Resolves once the language server runs (or stays off because of the settings). */
  ready: Promise<void>;
  readonly extension: LintelExtension;
}

export function activate(context: vscode.ExtensionContext): LintelApi {
  const ext = new LintelExtension(context);
  extension = ext;
  context.subscriptions.push({ dispose: () => void ext.dispose() });
  return { ready: ext.start(), extension: ext };
}

export async function deactivate(): Promise<void> {
  const ext = extension;
  extension = undefined;
  await ext?.stop();
}
