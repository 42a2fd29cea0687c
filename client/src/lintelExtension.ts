// The extension's state: the language client (started, stopped or restarted with the settings), commands, status bar.
import * as vscode from 'vscode';
import { LanguageClient, type Middleware } from 'vscode-languageclient/node';
import { Commands } from '../../server/src/lsp/protocol';
import { clientOptions } from './clientOptions';
import { PaletteCommands } from './commandIds';
import { fixAllSafeProblems } from './commands/fixAllSafe';
import { scanWorkspace } from './commands/scanWorkspace';
import { showRuleDocumentation } from './commands/showRuleDocs';
import { RuleDocsView } from './ruleDocsView';
import { serverOptions } from './serverOptions';
import { needsRestart, readSettings } from './settings';
import { LintelStatusBar } from './statusBar';

export class LintelExtension implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly statusBar = new LintelStatusBar();
  private readonly docsView = new RuleDocsView();
  private readonly disposables: vscode.Disposable[] = [this.statusBar, this.docsView];
  /** Serialises start/stop so quick setting changes cannot race. */
  private transition: Promise<void> = Promise.resolve();

  constructor(private readonly context: vscode.ExtensionContext) {
    this.disposables.push(
      vscode.commands.registerCommand(PaletteCommands.scanWorkspace, () => this.withClient((c) => scanWorkspace(c))),
      vscode.commands.registerCommand(PaletteCommands.fixAllSafeProblems, () => this.withClient((c) => fixAllSafeProblems(c))),
      vscode.commands.registerCommand(PaletteCommands.showRuleDocumentation, (ruleId?: string) => this.withClient((c) => showRuleDocumentation(c, this.docsView, typeof ruleId === 'string' ? ruleId : undefined))),
      vscode.workspace.onDidChangeConfiguration((e) => { if (needsRestart(e)) void this.restart(); }),
    );
  }

  /** The running client, for tests and other extensions. */
  get languageClient(): LanguageClient | undefined { return this.client; }

  start(): Promise<void> {
    return this.queue(async () => {
      const settings = readSettings();
      if (!settings.enable || this.client) return;
      const client = new LanguageClient('lintel', 'Lintel', serverOptions(this.context), clientOptions(settings, this.middleware()));
      this.client = client;
      try {
        await client.start();
        this.statusBar.setRunning(true);
      } catch (e) {
        this.client = undefined;
        void vscode.window.showErrorMessage(`Lintel: the language server did not start: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
  }

  stop(): Promise<void> {
    return this.queue(async () => {
      const client = this.client;
      this.client = undefined;
      this.statusBar.setRunning(false);
      if (client) await client.stop().catch(() => undefined);
    });
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Code actions carry `lintel.showRuleDocs`: show the page here instead of asking the server to open a browser. */
  private middleware(): Middleware {
    return {
      executeCommand: async (command, args, next) => {
        if (command === Commands.showRuleDocs && this.client) {
          return showRuleDocumentation(this.client, this.docsView, typeof args[0] === 'string' ? args[0] : undefined);
        }
        return next(command, args);
      },
    };
  }

  private async withClient<T>(fn: (client: LanguageClient) => Promise<T>): Promise<T | undefined> {
    await this.transition;
    if (!this.client) {
      void vscode.window.showInformationMessage('Lintel is disabled (setting lintel.enable).');
      return undefined;
    }
    try {
      return await fn(this.client);
    } catch (e) {
      void vscode.window.showErrorMessage(`Lintel: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  private queue(step: () => Promise<void>): Promise<void> {
    this.transition = this.transition.then(step, step);
    return this.transition;
  }

  async dispose(): Promise<void> {
    await this.stop();
    for (const d of this.disposables) d.dispose();
  }
}
