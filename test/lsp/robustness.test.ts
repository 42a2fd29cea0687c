// Bad input never takes the server down: huge, binary, hostile and broken documents, and malformed requests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LSPErrorCodes, type ResponseError } from 'vscode-languageserver-protocol';
import { decodeFileBytes } from '../../server/src/engine';
import { LspClient, messageOf } from './support/lspClient';
import { fixture, onlyRules, TempWorkspace } from './support/workspace';

const RULE = 'k8s/privileged-container';

describe('lsp: robustness', () => {
  let ws: TempWorkspace;
  let client: LspClient;
  beforeEach(async () => {
    ws = new TempWorkspace({ '.lintel.yaml': onlyRules([RULE], 'maxFileSizeMB: 0.01\n') });
    client = await LspClient.start({ pull: false, root: ws.root });
  });
  afterEach(async () => { await client.stop().catch(() => client.kill()); ws.dispose(); });

  /** The server still lints: a fresh document gets its diagnostics. */
  async function stillServing(): Promise<void> {
    const uri = ws.uri(`probe-${Math.random().toString(36).slice(2)}.yaml`);
    client.open(uri, fixture('deployment.yaml'));
    await client.pushed(uri, (p) => p.diagnostics.some((d) => d.code === RULE));
  }

  it('gives one clear diagnostic for a document over the size limit, worded as for a file on disk', async () => {
    const uri = ws.uri('huge.yaml');
    const text = `${fixture('deployment.yaml')}\n${'# padding\n'.repeat(2000)}`;
    client.open(uri, text);
    const p = await client.pushed(uri, (x) => x.diagnostics.length > 0);
    assert.equal(p.diagnostics.length, 1);
    const disk = decodeFileBytes(Buffer.from(text), 10485);
    assert.equal(disk.ok, false);
    assert.equal(messageOf(p.diagnostics[0]), (disk as { reason: string }).reason);
    assert.match(messageOf(p.diagnostics[0]), /^file is 20\.\d KB, over the 10\.2 KB limit; skipped/);
    assert.equal(p.diagnostics[0].code, undefined);
  });

  it('gives one clear diagnostic for binary content', async () => {
    const uri = ws.uri('blob.yaml');
    client.open(uri, 'apiVersion: v1\u0000\u0001\u0002kind: Pod\n');
    const p = await client.pushed(uri, (x) => x.diagnostics.length > 0);
    assert.equal(p.diagnostics.length, 1);
    assert.match(messageOf(p.diagnostics[0]), /binary/);
  });

  it('bounds alias bombs and deep nesting with a message', async () => {
    const bomb = ws.uri('bomb.yaml');
    client.open(bomb, fixture('alias-bomb.yaml'));
    const p = await client.pushed(bomb, (x) => x.diagnostics.length > 0);
    assert.ok(p.diagnostics.every((d) => d.source === 'lintel' && d.code === undefined), JSON.stringify(p.diagnostics));
    const deep = ws.uri('deep.yaml');
    client.open(deep, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: ${'['.repeat(400)}${']'.repeat(400)}\n`);
    await client.pushed(deep);
    await stillServing();
  });

  it('survives malformed requests and notifications', async () => {
    const nowhere = 'file:///nowhere/x.yaml';
    assert.deepEqual(await client.codeActions(nowhere, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []), []);
    await assert.rejects(client.executeCommand('lintel.fixAllSafe', []), (e: ResponseError<unknown>) => e.code === LSPErrorCodes.RequestFailed);
    assert.deepEqual(await client.executeCommand('lintel.fixAllSafe', [{ uri: nowhere, version: 1 }]), { applied: false, fixes: 0 });
    assert.equal(await client.request('lintel/ruleDocs', { ruleId: 'k8s/no-such-rule' }), null);
    assert.equal(await client.request('lintel/ruleDocs', null), null);
    // Notifications about documents the server never saw, and a change with a bad range.
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: nowhere, version: 3 }, contentChanges: [{ text: 'x' }] });
    void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: nowhere } });
    const uri = ws.uri('odd.yaml');
    client.open(uri, 'a: 1\n');
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 99, character: 5 }, end: { line: 120, character: 0 } }, text: 'kind: Pod\n' }] });
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'not a uri', type: 1 }, { uri: ws.uri('gone.yaml'), type: 3 }] });
    await stillServing();
    assert.equal(client.child!.exitCode, null);
  });

  it('documents a rule through lintel/ruleDocs and lists rules through lintel/listRules', async () => {
    const docs = await client.request<{ ruleId: string; url: string; markdown: string; title: string }>('lintel/ruleDocs', { ruleId: 'checkov:CKV_K8S_16' });
    assert.equal(docs.ruleId, RULE);
    assert.match(docs.markdown, /^# Containers do not run privileged/);
    assert.match(docs.markdown, /## How to fix/);
    assert.equal(docs.url, `https://github.com/lintel-dev/lintel/blob/main/docs/rules/${RULE}.md`);
    // The page of docs/rules, rendered by the engine; the examples (not shipped with the server) are linked instead.
    const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'rules', `${RULE}.md`), 'utf8');
    const examples = committed.slice(committed.indexOf('## Examples\n'), committed.indexOf('## Suppressing\n'));
    assert.ok(examples.length > 0);
    assert.equal(docs.markdown, committed.replace(examples, `## Examples\n\nBad and fixed examples are on the [online page](${docs.url}).\n\n`));
    assert.equal(docs.markdown.split('lintel:ignore').length - 1, 1, 'one suppression hint, the engine\'s');
    const rules = await client.request<Array<{ id: string }>>('lintel/listRules', null);
    assert.ok(rules.some((r) => r.id === RULE));
  });
});
