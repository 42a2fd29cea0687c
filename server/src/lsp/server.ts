// Builds the language server on a connection from injected parts; every handler is guarded and delegates to the session.
import { ErrorCodes, ResponseError, type CodeAction, type Connection, type InitializeResult } from 'vscode-languageserver';
import { serverCapabilities } from './capabilities';
import { readClientFeatures } from './clientFeatures';
import type { ServerDeps } from './deps';
import { OpenDocuments } from './documents';
import { Guard, type Logger } from './guard';
import { Methods, type RuleDocsParams, type RuleDocsResult, type ScanWorkspaceParams, type ScanWorkspaceResult, type ServerStats } from './protocol';
import { findRule, ruleDocs, ruleSummaries } from './ruleDocs';
import { initialFolders, Session } from './session';

export interface LintelServer {
  /** The session once the client has initialized the connection. */
  readonly session: Session | undefined;
}

export function createServer(connection: Connection, deps: ServerDeps): LintelServer {
  const log: Logger = {
    info: (m) => connection.console.info(m),
    error: (m) => connection.console.error(m),
  };
  const guard = new Guard(log);
  const docs = new OpenDocuments(() => deps.timers.now());
  let session: Session | undefined;
  let folders: string[] = [];

  const notInitialized = () => new ResponseError(ErrorCodes.ServerNotInitialized, 'server not initialized');

  connection.onInitialize((params): InitializeResult => {
    const features = readClientFeatures(params);
    session = new Session(connection, deps, features, docs, guard, log);
    folders = initialFolders(params);
    return { capabilities: serverCapabilities(features), serverInfo: { name: 'lintel-language-server', version: deps.version } };
  });
  connection.onInitialized(guard.notification('initialized', () => session?.start(folders)));

  docs.listen(connection, {
    opened: (d) => session?.opened(d),
    changed: (d) => session?.changed(d),
    saved: (d) => session?.saved(d),
    closed: (key, uri) => session?.closed(key, uri),
  }, (name, fn) => guard.run(name, fn));

  connection.onDidChangeWatchedFiles(guard.notification('didChangeWatchedFiles', (p) => session?.watched(p)));
  connection.onDidChangeConfiguration(guard.notification('didChangeConfiguration', (p) => session?.configurationChanged(p)));

  connection.languages.diagnostics.on(guard.request('textDocument/diagnostic', { kind: 'full', items: [] } as const, (params, token) => {
    if (!session) throw notInitialized();
    return session.pull.handle(params, token);
  }));
  connection.onCodeAction(guard.request('textDocument/codeAction', [] as CodeAction[], (params) => session?.codeActions.handle(params) ?? []));
  // On failure the action goes back as it came (without an edit, applying it does nothing).
  connection.onCodeActionResolve((action) => guard.request('codeAction/resolve', action, () => session?.codeActions.resolve(action) ?? action)());
  connection.onExecuteCommand(guard.request('workspace/executeCommand', null as unknown, (params) => {
    if (!session) throw notInitialized();
    return session.commands.execute(params);
  }));

  connection.onRequest(Methods.scanWorkspace, guard.request(Methods.scanWorkspace, null as ScanWorkspaceResult | null, (params: ScanWorkspaceParams, token) => {
    if (!session) throw notInitialized();
    return session.scan.run(params ?? {}, token);
  }));
  connection.onRequest(Methods.ruleDocs, guard.request(Methods.ruleDocs, null as RuleDocsResult | null, (params: RuleDocsParams) => {
    const rule = params && typeof params.ruleId === 'string' ? findRule(deps.rules, params.ruleId) : undefined;
    return rule ? ruleDocs(rule) : null;
  }));
  connection.onRequest(Methods.listRules, guard.request(Methods.listRules, [], () => ruleSummaries(deps.rules)));
  connection.onRequest(Methods.stats, guard.request(Methods.stats, null as ServerStats | null, () => session?.stats() ?? null));

  connection.onShutdown(() => { session?.dispose(); });

  return { get session() { return session; } };
}
