// Diagnostics over stdio: pushed to clients without pull support, pulled by those with it; codes, links, ranges, versions.
import assert from 'node:assert/strict';
import {
  CancellationTokenSource, DiagnosticSeverity, DocumentDiagnosticReportKind, DocumentDiagnosticRequest, LSPErrorCodes,
  type Diagnostic, type FullDocumentDiagnosticReport, type ResponseError,
} from 'vscode-languageserver-protocol';
import { LspClient, messageOf } from './support/lspClient';
import { fixture, onlyRules, TempWorkspace } from './support/workspace';

const DOCS = 'https://github.com/lintel-dev/lintel/blob/main/docs/rules/k8s/privileged-container.md';

function privileged(diags: Diagnostic[]): Diagnostic[] { return diags.filter((d) => d.code === 'k8s/privileged-container'); }

describe('lsp: diagnostics', () => {
  let ws: TempWorkspace;
  let client: LspClient | undefined;
  beforeEach(() => { ws = new TempWorkspace({ '.lintel.yaml': onlyRules(['k8s/privileged-container']) }); });
  afterEach(async () => { await client?.stop().catch(() => client?.kill()); client = undefined; ws.dispose(); });

  it('pushes diagnostics with code, docs link, source, range, data and version when the client cannot pull', async () => {
    client = await LspClient.start({ pull: false, root: ws.root });
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
    const uri = ws.write('deploy.yaml', fixture('deployment.yaml'));
    client.open(uri, fixture('deployment.yaml'));
    const p = await client.pushed(uri, (x) => privileged(x.diagnostics).length > 0);
    assert.equal(p.version, 1);
    const [d] = privileged(p.diagnostics);
    assert.equal(d.source, 'lintel');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.deepEqual(d.codeDescription, { href: DOCS });
    assert.deepEqual(d.range, { start: { line: 37, character: 24 }, end: { line: 37, character: 28 } });
    assert.match(messageOf(d), /Container "web" runs privileged/);
    assert.equal((d.data as { version: number }).version, 1);
    assert.equal(typeof (d.data as { id: string }).id, 'string');
  });

  it('announces pull diagnostics and answers textDocument/diagnostic, with unchanged reports for the same result id', async () => {
    client = await LspClient.start({ pull: true, root: ws.root });
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, { identifier: 'lintel', interFileDependencies: true, workspaceDiagnostics: false });
    const uri = ws.write('deploy.yaml', fixture('deployment.yaml'));
    client.open(uri, fixture('deployment.yaml'));
    const report = (await client.pull(uri)) as FullDocumentDiagnosticReport;
    assert.equal(report.kind, DocumentDiagnosticReportKind.Full);
    const [d] = privileged(report.items);
    assert.deepEqual(d.range, { start: { line: 37, character: 24 }, end: { line: 37, character: 28 } });
    assert.equal(d.codeDescription?.href, DOCS);
    const again = await client.pull(uri, report.resultId);
    assert.deepEqual(again, { kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId });
    client.change(uri, fixture('deployment.yaml').replace('privileged: true', 'privileged: false'));
    const fixed = (await client.pull(uri, report.resultId)) as FullDocumentDiagnosticReport;
    assert.equal(fixed.kind, DocumentDiagnosticReportKind.Full);
    assert.deepEqual(privileged(fixed.items), []);
    // Nothing is pushed for open documents of a pulling client.
    assert.equal(client.published.get(uri), undefined);
  });

  it('pull: a document edited while its pull waits is answered for its newest version; a cancelled pull is RequestCancelled', async () => {
    client = await LspClient.start({ pull: true, root: ws.root, initializationOptions: { debounceMs: 150 } });
    const uri = ws.uri('deploy.yaml');
    const text = fixture('deployment.yaml');
    client.open(uri, text);
    await client.pull(uri);
    client.change(uri, text.replace('name: web\n', 'name: web2\n'));
    const waiting = client.pull(uri);
    const v3 = client.change(uri, text.replace('privileged: true', 'privileged: false'));
    const report = (await waiting) as FullDocumentDiagnosticReport;
    assert.equal(report.kind, DocumentDiagnosticReportKind.Full);
    assert.deepEqual(privileged(report.items), [], 'linted as of version 3');
    for (const d of report.items) assert.equal((d.data as { version: number }).version, v3);
    client.change(uri, text);
    const cts = new CancellationTokenSource();
    const cancelled = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, cts.token);
    cts.cancel();
    await assert.rejects(cancelled, (e: ResponseError<unknown>) => e.code === LSPErrorCodes.RequestCancelled && e.data === undefined);
  });

  it('debounces edits and never publishes a result for a version the editor has left', async () => {
    client = await LspClient.start({ pull: false, root: ws.root, initializationOptions: { debounceMs: 80 } });
    const uri = ws.write('deploy.yaml', fixture('deployment.yaml'));
    const text = fixture('deployment.yaml');
    client.open(uri, text);
    await client.pushed(uri, (p) => p.version === 1);
    client.change(uri, text.replace('privileged: true', 'privileged: false'));
    client.change(uri, text.replace('privileged: true', 'privileged: no'));
    const last = client.change(uri, text);
    const final = await client.pushed(uri, (p) => p.version === last);
    assert.equal(privileged(final.diagnostics).length, 1);
    const versions = client.published.get(uri)!.map((p) => p.version);
    assert.deepEqual(versions, [1, 4], 'versions 2 and 3 were superseded before their lint ran');
  });

  it('reports YAML syntax errors as diagnostics without a rule code and keeps serving', async () => {
    client = await LspClient.start({ pull: false, root: ws.root });
    const uri = ws.uri('broken.yaml');
    client.open(uri, fixture('broken.yaml'));
    const p = await client.pushed(uri, (x) => x.diagnostics.length > 0);
    const syntax = p.diagnostics.filter((d) => /syntax/i.test(messageOf(d)));
    assert.ok(syntax.length > 0, JSON.stringify(p.diagnostics));
    for (const d of syntax) { assert.equal(d.code, undefined); assert.equal(d.source, 'lintel'); }
    // The other (valid) document of the stream is still checked.
    assert.equal(privileged(p.diagnostics).length, 1);
    const other = ws.uri('ok.yaml');
    client.open(other, fixture('deployment.yaml'));
    assert.equal(privileged((await client.pushed(other, (x) => x.diagnostics.length > 0)).diagnostics).length, 1);
  });

  it('clears pushed diagnostics when a document closes', async () => {
    client = await LspClient.start({ pull: false, root: ws.root });
    const uri = ws.uri('memory-only.yaml');
    client.open(uri, fixture('deployment.yaml'));
    await client.pushed(uri, (x) => x.diagnostics.length > 0);
    client.close(uri);
    await client.pushed(uri, (x) => x.diagnostics.length === 0);
  });
});
