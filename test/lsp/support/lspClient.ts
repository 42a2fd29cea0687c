// A real LSP client for tests: spawns the built server over stdio and speaks JSON-RPC to it, recording what it sends.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest, CodeActionRequest, CodeActionResolveRequest, ConfigurationRequest, createMessageConnection, DiagnosticRefreshRequest,
  DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification, DocumentDiagnosticRequest, ExecuteCommandRequest, ExitNotification, InitializedNotification,
  InitializeRequest, IPCMessageReader, IPCMessageWriter, LogMessageNotification, PublishDiagnosticsNotification, RegistrationRequest, ShowDocumentRequest,
  ShutdownRequest, StreamMessageReader, StreamMessageWriter, WorkDoneProgressCreateRequest,
  type ApplyWorkspaceEditParams, type ClientCapabilities, type CodeAction, type CodeActionContext, type Diagnostic,
  type DocumentDiagnosticReport, type FileEvent, type InitializeResult, type MessageConnection, type PublishDiagnosticsParams,
  type Range, type Registration, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';

export const SERVER = join(__dirname, '..', '..', '..', 'dist', 'server', 'server.js');

export interface StartOptions {
  /** Declare textDocument.diagnostic (pull); otherwise the server must push. */
  pull: boolean;
  /** Workspace folder on disk. */
  root?: string;
  initializationOptions?: Record<string, unknown>;
  /** Answer to workspace/configuration for the `lintel` section (when set, the client declares configuration support). */
  settings?: Record<string, unknown>;
  /** Declare workspaceEdit.documentChanges (versioned edits). */
  documentChanges?: boolean;
  /** Declare codeAction resolveSupport for the edit (code actions may come without their edit). */
  codeActionResolve?: boolean;
}

type Progress = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;
type Waiter = { check: () => boolean; resolve: () => void };

export class LspClient {
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly registrations: Registration[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly shownDocuments: string[] = [];
  readonly logs: Array<{ type: number; message: string }> = [];
  readonly progress = new Map<string | number, Progress[]>();
  refreshRequests = 0;
  stderr = '';
  initializeResult!: InitializeResult;
  private readonly versions = new Map<string, number>();
  private readonly waiters = new Set<Waiter>();
  private exited?: Promise<number | null>;

  /** `child` is the server process; undefined when the server runs in this process. */
  private constructor(readonly child: ChildProcess | undefined, readonly connection: MessageConnection, readonly options: StartOptions) {}

  /** Spawns the built server with `--stdio` (or `--node-ipc`, as the VS Code client does) and initializes it. */
  static async start(options: StartOptions, transport: 'stdio' | 'ipc' = 'stdio'): Promise<LspClient> {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: build first (npm run build)`);
    const child = transport === 'ipc'
      ? fork(SERVER, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] })
      : spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = transport === 'ipc'
      ? createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, options);
    client.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr!.on('data', (d) => { client.stderr += String(d); });
    await client.initialize(process.pid);
    return client;
  }

  /** Connects to a server running in this process over a pair of in-memory streams. */
  static async connect(serverToClient: Readable, clientToServer: Writable, options: StartOptions): Promise<LspClient> {
    const connection = createMessageConnection(new StreamMessageReader(serverToClient), new StreamMessageWriter(clientToServer));
    const client = new LspClient(undefined, connection, options);
    await client.initialize(null);
    return client;
  }

  private async initialize(processId: number | null): Promise<void> {
    const { connection, options } = this;
    this.wire();
    connection.listen();
    this.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId,
      rootUri: options.root ? pathToFileURL(options.root).href : null,
      workspaceFolders: options.root ? [{ uri: pathToFileURL(options.root).href, name: 'test' }] : null,
      capabilities: this.capabilities(),
      initializationOptions: { debounceMs: 30, ...options.initializationOptions },
    });
    await connection.sendNotification(InitializedNotification.type, {});
  }

  private capabilities(): ClientCapabilities {
    const o = this.options;
    return {
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, dataSupport: true, isPreferredSupport: true,
          ...(o.codeActionResolve ? { resolveSupport: { properties: ['edit'] } } : {}),
        },
        ...(o.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
      workspace: {
        applyEdit: true,
        workspaceEdit: { documentChanges: o.documentChanges ?? true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        configuration: o.settings !== undefined,
        workspaceFolders: true,
        ...(o.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      window: { workDoneProgress: true, showDocument: { support: true } },
    };
  }

  private wire(): void {
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      this.poke();
    });
    c.onNotification(LogMessageNotification.type, (p) => { this.logs.push(p); this.poke(); });
    c.onRequest(RegistrationRequest.type, (p) => { this.registrations.push(...p.registrations); this.poke(); });
    c.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'lintel' ? this.options.settings ?? {} : null)));
    c.onRequest(WorkDoneProgressCreateRequest.type, (p) => { this.progress.set(p.token, []); this.poke(); });
    c.onUnhandledProgress((p) => {
      const list = this.progress.get(p.token) ?? [];
      list.push(p.value as Progress);
      this.progress.set(p.token, list);
      this.poke();
    });
    c.onRequest(ApplyWorkspaceEditRequest.type, (p) => { this.appliedEdits.push(p); this.poke(); return { applied: true }; });
    c.onRequest(DiagnosticRefreshRequest.type, () => { this.refreshRequests++; this.poke(); });
    c.onRequest(ShowDocumentRequest.type, (p) => { this.shownDocuments.push(p.uri); this.poke(); return { success: true }; });
  }

  private poke(): void {
    for (const w of [...this.waiters]) if (w.check()) { this.waiters.delete(w); w.resolve(); }
  }

  /** Resolves when `check` holds (checked now and after every message from the server); rejects after `timeoutMs`. */
  until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.waiters.delete(w); reject(new Error(`timed out waiting for ${what}\nserver stderr: ${this.stderr}\nlogs: ${this.logs.map((l) => l.message).join('\n')}`)); }, timeoutMs);
      const w: Waiter = { check, resolve: () => { clearTimeout(timer); resolve(); } };
      this.waiters.add(w);
    });
  }

  /** The latest pushed diagnostics of a document that satisfy `pred` (waiting for them). */
  async pushed(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    let hit: PublishDiagnosticsParams | undefined;
    await this.until(`diagnostics for ${uri}`, () => {
      const list = this.published.get(uri) ?? [];
      const last = list[list.length - 1];
      hit = last && pred(last) ? last : undefined;
      return !!hit;
    });
    return hit!;
  }

  open(uri: string, text: string, languageId = 'yaml'): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text; returns the new version. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  save(uri: string): void { void this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } }); }

  close(uri: string): void {
    this.versions.delete(uri);
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  version(uri: string): number { return this.versions.get(uri) ?? 0; }

  watched(changes: FileEvent[]): void { void this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes }); }

  pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const context: CodeActionContext = only ? { diagnostics, only } : { diagnostics };
    return ((await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context })) ?? []) as CodeAction[];
  }

  resolveCodeAction(action: CodeAction): Promise<CodeAction> { return this.connection.sendRequest(CodeActionResolveRequest.type, action); }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  request<R>(method: string, params: unknown): Promise<R> { return this.connection.sendRequest(method, params) as Promise<R>; }

  /** Work-done progress tokens whose begin title matches, with their notifications. */
  progressTitled(title: RegExp): Progress[][] {
    return [...this.progress.values()].filter((l) => l.some((p) => p.kind === 'begin' && title.test(p.title)));
  }

  /** Resolves when the server's first workspace indexing has ended. */
  indexed(): Promise<void> {
    return this.until('indexing to end', () => this.progressTitled(/indexing/).some((l) => l.some((p) => p.kind === 'end')));
  }

  /** shutdown + exit; resolves with the process exit code (in-process servers: shutdown only). */
  async stop(): Promise<number | null> {
    if (!this.child) {
      await this.connection.sendRequest(ShutdownRequest.type);
      this.connection.dispose();
      return null;
    }
    if (this.child.exitCode !== null) return this.child.exitCode;
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited!;
    this.connection.dispose();
    return code;
  }

  kill(): void { if (this.child && this.child.exitCode === null) this.child.kill(); else if (!this.child) this.connection.dispose(); }
}

/** A diagnostic's message as text (LSP 3.18 also allows markup). */
export function messageOf(d: Diagnostic): string { return typeof d.message === 'string' ? d.message : d.message.value; }
