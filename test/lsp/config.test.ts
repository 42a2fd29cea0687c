// Configuration: the nearest .lintel.yaml governs a file, edits to it re-lint, and a bad one is reported on itself.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { DiagnosticSeverity, type Diagnostic, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { LspClient, messageOf } from './support/lspClient';
import { fixture, onlyRules, TempWorkspace } from './support/workspace';

const RULE = 'k8s/privileged-container';
const INVALID = 'extends: strictest\n';

describe('lsp: configuration', () => {
  let ws: TempWorkspace;
  let client: LspClient | undefined;
  afterEach(async () => { await client?.stop().catch(() => client?.kill()); client = undefined; ws.dispose(); });

  it('reports an invalid .lintel.yaml that is not open, and lints with defaults meanwhile', async () => {
    ws = new TempWorkspace({ '.lintel.yaml': INVALID });
    client = await LspClient.start({ pull: false, root: ws.root });
    const cfg = ws.uri('.lintel.yaml');
    const p = await client.pushed(cfg, (x) => x.diagnostics.length > 0);
    const [d] = p.diagnostics;
    assert.equal(d.source, 'lintel');
    assert.equal(d.code, undefined);
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.match(messageOf(d), /extends.*using the default configuration/);
    assert.deepEqual(d.range, { start: { line: 0, character: 9 }, end: { line: 0, character: 18 } });
    const deploy = ws.write('deploy.yaml', fixture('deployment.yaml'));
    client.open(deploy, fixture('deployment.yaml'));
    const lint = await client.pushed(deploy, (x) => x.diagnostics.length > 0);
    assert.ok(lint.diagnostics.some((x) => x.code === RULE));
  });

  it('pull: an open invalid config gets its diagnostic; fixing it clears it and re-lints open files', async () => {
    ws = new TempWorkspace({ '.lintel.yaml': onlyRules([RULE]) });
    client = await LspClient.start({ pull: true, root: ws.root });
    await client.indexed();
    const deploy = ws.write('deploy.yaml', fixture('deployment.yaml'));
    client.open(deploy, fixture('deployment.yaml'));
    const r1 = (await client.pull(deploy)) as FullDocumentDiagnosticReport;
    assert.deepEqual(r1.items.map((d) => d.code), [RULE]);

    const cfg = ws.uri('.lintel.yaml');
    client.open(cfg, onlyRules([RULE]));
    assert.deepEqual(((await client.pull(cfg)) as FullDocumentDiagnosticReport).items, []);
    client.change(cfg, `${onlyRules([RULE])}ignorePaths: 3\n`);
    const bad = (await client.pull(cfg)) as FullDocumentDiagnosticReport;
    assert.equal(bad.items.length, 1);
    assert.match(messageOf(bad.items[0]), /ignorePaths/);

    // Turn the rule off in the unsaved config: the open manifest is refreshed without it.
    const refreshes = client.refreshRequests;
    client.change(cfg, onlyRules([]));
    assert.deepEqual(((await client.pull(cfg)) as FullDocumentDiagnosticReport).items, []);
    await client.until('a refresh', () => client!.refreshRequests > refreshes);
    const r2 = (await client.pull(deploy, r1.resultId)) as FullDocumentDiagnosticReport;
    assert.deepEqual(r2.items, []);
  });

  it('push: a config change on disk re-lints open files; ignorePaths silences a file', async () => {
    ws = new TempWorkspace({ '.lintel.yaml': onlyRules([RULE]) });
    client = await LspClient.start({ pull: false, root: ws.root });
    await client.indexed();
    const deploy = ws.write('apps/deploy.yaml', fixture('deployment.yaml'));
    client.open(deploy, fixture('deployment.yaml'));
    await client.pushed(deploy, (p) => p.diagnostics.some((d) => d.code === RULE));
    const cfg = ws.write('.lintel.yaml', onlyRules([RULE], 'ignorePaths: ["apps/**"]\n'));
    client.watched([{ uri: cfg, type: 2 }]);
    await client.pushed(deploy, (p) => p.diagnostics.length === 0);
    ws.write('.lintel.yaml', INVALID);
    client.watched([{ uri: cfg, type: 2 }]);
    await client.pushed(cfg, (p) => p.diagnostics.length === 1);
    await client.pushed(deploy, (p) => p.diagnostics.some((d) => d.code === RULE));
    ws.remove('.lintel.yaml');
    client.watched([{ uri: cfg, type: 3 }]);
    await client.pushed(cfg, (p) => p.diagnostics.length === 0);
  });

  it('a .lintel.yaml that is a FIFO is refused, not waited on: defaults apply and the server keeps serving', async function () {
    if (process.platform === 'win32') this.skip();
    ws = new TempWorkspace({});
    assert.equal(spawnSync('mkfifo', [ws.path('.lintel.yaml')]).status, 0, 'mkfifo');
    client = await LspClient.start({ pull: false, root: ws.root });
    const deploy = ws.write('deploy.yaml', fixture('deployment.yaml'));
    client.open(deploy, fixture('deployment.yaml'));
    const p = await client.pushed(deploy, (x) => x.diagnostics.length > 0);
    assert.ok(p.diagnostics.some((d) => d.code === RULE));
    assert.deepEqual(await client.request('lintel/ruleDocs', { ruleId: 'k8s/none' }), null, 'still answering requests');
  });

  for (const pull of [false, true]) {
    it(`${pull ? 'pull' : 'push'}: raising maxFileSizeMB re-checks an open buffer that was over the limit, without an edit to it`, async () => {
      const pod = 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.0\n      securityContext: { privileged: true }\n';
      const text = `${pod}#${'x'.repeat(969 - pod.length - 2)}\n`;
      assert.equal(Buffer.byteLength(text), 969);
      ws = new TempWorkspace({ '.lintel.yaml': onlyRules([RULE], 'maxFileSizeMB: 0.0005\n') });
      client = await LspClient.start({ pull, root: ws.root });
      await client.indexed();
      const deploy = ws.write('deploy.yaml', text);
      client.open(deploy, text);
      const messages = async (pred: (m: string[]) => boolean) => {
        if (!pull) return (await client!.pushed(deploy, (p) => pred(p.diagnostics.map(messageOf)))).diagnostics;
        let items: Diagnostic[] = [];
        for (let i = 0; i < 100; i++) {
          items = ((await client!.pull(deploy)) as FullDocumentDiagnosticReport).items;
          if (pred(items.map(messageOf))) return items;
          await new Promise((r) => setTimeout(r, 50));
        }
        throw new Error(`no matching pull: ${JSON.stringify(items.map(messageOf))}`);
      };
      const over = await messages((m) => m.length > 0);
      assert.deepEqual(over.map(messageOf), ['file is 969 bytes, over the 524-byte limit; skipped (set maxFileSizeMB in .lintel.yaml to raise it)']);
      const cfg = ws.uri('.lintel.yaml');
      client.open(cfg, onlyRules([RULE], 'maxFileSizeMB: 0.0005\n'));
      client.change(cfg, onlyRules([RULE], 'maxFileSizeMB: 5\n'));
      const after = await messages((m) => m.length > 0 && !m[0].startsWith('file is'));
      assert.deepEqual(after.map((d) => d.code), [RULE]);
    });
  }

  it('an open .lintel.yaml over the 1 MB bound is refused like one on disk: defaults apply', async () => {
    ws = new TempWorkspace({ '.lintel.yaml': onlyRules([]) });
    client = await LspClient.start({ pull: false, root: ws.root });
    const cfg = ws.uri('.lintel.yaml');
    client.open(cfg, `${onlyRules([])}${'#'.repeat(1024 * 1024)}\n`);
    const deploy = ws.write('deploy.yaml', fixture('deployment.yaml'));
    client.open(deploy, fixture('deployment.yaml'));
    const p = await client.pushed(deploy, (x) => x.diagnostics.length > 0);
    assert.ok(p.diagnostics.some((d) => d.code === RULE), 'the default configuration turns the rule on');
  });

  it('uses the nearest configuration: a sub-folder config overrides the root one', async () => {
    ws = new TempWorkspace({ '.lintel.yaml': onlyRules([RULE]), 'team/.lintel.yaml': onlyRules([]) });
    client = await LspClient.start({ pull: false, root: ws.root });
    const root = ws.write('deploy.yaml', fixture('deployment.yaml'));
    const team = ws.write('team/deploy.yaml', fixture('deployment.yaml'));
    client.open(root, fixture('deployment.yaml'));
    client.open(team, fixture('deployment.yaml'));
    assert.equal((await client.pushed(root)).diagnostics.length, 1);
    assert.equal((await client.pushed(team)).diagnostics.length, 0);
  });
});
