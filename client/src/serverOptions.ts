// How the client starts the bundled language server: node IPC, with an inspector port when debugging.
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { TransportKind, type ServerOptions } from 'vscode-languageclient/node';

export function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath(path.join('dist', 'server', 'server.js'));
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
}
