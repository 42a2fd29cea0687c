// Editor settings: lintel.run (on type / on save) and lintel.enable, from workspace/configuration or initializationOptions.
import assert from 'node:assert/strict';
import type { FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { LspClient } from './support/lspClient';
import { fixture, onlyRules, TempWorkspace } from './support/workspace';

const RULE = 'k8s/privileged-container';
const count = (diags: Array<{ code?: unknown }>) => diags.filter((d) => d.code === RULE).length;

describe('lsp: settings', () => {
  let ws: TempWorkspace;
  let client: LspClient | undefined;
  let text: string;
  beforeEach(() => { ws = new TempWorkspace({ '.lintel.yaml': onlyRules([RULE]) }); text = fixture('deployment.yaml'); });
  afterEach(async () => { await client?.stop().catch(() => client?.kill()); client = undefined; ws.dispose(); });

  it('push, run on save: edits are not linted until the document is saved', async () => {
    client = await LspClient.start({ pull: false, root: ws.root, settings: { run: 'onSave' } });
    const uri = ws.uri('deploy.yaml');
    client.open(uri, text);
    assert.equal(count((await client.pushed(uri, (p) => p.version === 1)).diagnostics), 1);
    const v2 = client.change(uri, text.replace('privileged: true', 'privileged: false'));
    client.save(uri);
    const saved = await client.pushed(uri, (p) => p.version === v2);
    assert.equal(count(saved.diagnostics), 0);
    assert.deepEqual(client.published.get(uri)!.map((p) => p.version), [1, 2], 'nothing was published for the unsaved edit');
  });

  it('pull, run on save: pulls between saves return the saved result', async () => {
    client = await LspClient.start({ pull: true, root: ws.root, initializationOptions: { run: 'onSave' } });
    const uri = ws.uri('deploy.yaml');
    client.open(uri, text);
    const first = (await client.pull(uri)) as FullDocumentDiagnosticReport;
    assert.equal(count(first.items), 1);
    client.change(uri, text.replace('privileged: true', 'privileged: false'));
    assert.deepEqual(await client.pull(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
    client.save(uri);
    const after = (await client.pull(uri, first.resultId)) as FullDocumentDiagnosticReport;
    assert.equal(after.kind, 'full');
    assert.equal(count(after.items), 0);
  });

  it('lintel.enable false reports nothing; turning it on through didChangeConfiguration lints again', async () => {
    const settings: Record<string, unknown> = { enable: false };
    client = await LspClient.start({ pull: false, root: ws.root, settings });
    const uri = ws.uri('deploy.yaml');
    client.open(uri, text);
    assert.deepEqual((await client.pushed(uri)).diagnostics, []);
    settings.enable = true;
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { lintel: settings } });
    assert.equal(count((await client.pushed(uri, (p) => p.diagnostics.length > 0)).diagnostics), 1);
  });

  it('lints untitled YAML buffers by their language', async () => {
    client = await LspClient.start({ pull: false, root: ws.root });
    client.open('untitled:Untitled-1', text, 'yaml');
    const p = await client.pushed('untitled:Untitled-1', (x) => x.diagnostics.length > 0);
    assert.ok(p.diagnostics.some((d) => d.code === RULE));
  });
});
