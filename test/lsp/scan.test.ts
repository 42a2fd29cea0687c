// lintel/scanWorkspace: lints every indexed file with progress, returns counts, and shows files that are not open.
import assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import type { ScanWorkspaceResult } from '../../server/src/lsp/protocol';
import { LspClient } from './support/lspClient';
import { fixture, onlyRules, TempWorkspace } from './support/workspace';

const RULE = 'k8s/privileged-container';

describe('lsp: workspace scan', () => {
  let ws: TempWorkspace;
  let client: LspClient;
  beforeEach(() => {
    ws = new TempWorkspace({
      '.lintel.yaml': onlyRules([RULE], 'ignorePaths: ["vendor/**"]\n'),
      'apps/web.yaml': fixture('deployment.yaml'),
      'apps/broken.yaml': fixture('broken.yaml'),
      'apps/pdb.yaml': fixture('pdb.yaml'),
      'ci/workflow.yml': 'on: push\njobs: {}\n',
      'vendor/web.yaml': fixture('deployment.yaml'),
      'node_modules/pkg/web.yaml': fixture('deployment.yaml'),
    });
  });
  afterEach(async () => { await client.stop().catch(() => client.kill()); ws.dispose(); });

  for (const pull of [false, true]) {
    it(`${pull ? 'pull' : 'push'} client: counts per file, progress, and diagnostics for files that are not open`, async () => {
      client = await LspClient.start({ pull, root: ws.root });
      const open = ws.uri('apps/pdb.yaml');
      client.open(open, fixture('pdb.yaml'));
      const token = 'scan-1';
      client.progress.set(token, []);
      const result = await client.request<ScanWorkspaceResult>('lintel/scanWorkspace', { workDoneToken: token });
      assert.equal(result.cancelled, false);
      assert.deepEqual(result.files.map((f) => f.uri).sort(), [ws.uri('apps/broken.yaml'), ws.uri('apps/web.yaml')]);
      assert.deepEqual(result.files.find((f) => f.uri === ws.uri('apps/web.yaml')), { uri: ws.uri('apps/web.yaml'), errors: 1, warnings: 0, infos: 0 });
      assert.equal(result.totals.filesWithProblems, 2);
      assert.equal(result.totals.errors, 3, 'privileged (web), privileged (broken, 2nd document), syntax error');
      const kinds = client.progress.get(token)!.map((p) => p.kind);
      assert.equal(kinds[0], 'begin');
      assert.equal(kinds[kinds.length - 1], 'end');
      const web = await client.pushed(ws.uri('apps/web.yaml'));
      assert.deepEqual(web.diagnostics.map((d) => d.code), [RULE]);
      assert.equal(web.version, undefined);
      assert.equal(client.published.get(ws.uri('vendor/web.yaml')), undefined, 'ignored path');
      assert.equal(client.published.get(ws.uri('node_modules/pkg/web.yaml')), undefined, 'skipped folder');

      // Fixed on disk, scanned again: the shown problems go away.
      ws.write('apps/web.yaml', fixture('deployment.yaml').replace('privileged: true', 'privileged: false'));
      const again = await client.request<ScanWorkspaceResult>('lintel/scanWorkspace', {});
      assert.equal(again.totals.filesWithProblems, 1);
      await client.pushed(ws.uri('apps/web.yaml'), (p) => p.diagnostics.length === 0);
    });
  }

  it('stops when the request is cancelled, and reports that it did', async () => {
    client = await LspClient.start({ pull: false, root: ws.root });
    const cts = new CancellationTokenSource();
    const pending = client.connection.sendRequest<ScanWorkspaceResult>('lintel/scanWorkspace', {}, cts.token);
    cts.cancel();
    const result = await pending;
    assert.equal(result.cancelled, true);
    assert.equal(client.published.get(ws.uri('apps/web.yaml')), undefined, 'nothing shown from a cancelled scan');
    const kinds = client.progressTitled(/scanning/)[0].map((p) => p.kind);
    assert.deepEqual([kinds[0], kinds[kinds.length - 1]], ['begin', 'end'], 'server-created progress is ended');
  });

  it('opening a scanned file in a pulling client replaces its pushed diagnostics; closing restores them', async () => {
    client = await LspClient.start({ pull: true, root: ws.root });
    await client.request<ScanWorkspaceResult>('lintel/scanWorkspace', {});
    const uri = ws.uri('apps/web.yaml');
    await client.pushed(uri, (p) => p.diagnostics.length === 1);
    client.open(uri, fixture('deployment.yaml'));
    await client.pushed(uri, (p) => p.diagnostics.length === 0);
    const pulled = await client.pull(uri);
    assert.equal(pulled.kind === 'full' && pulled.items.length, 1);
    client.close(uri);
    await client.pushed(uri, (p) => p.diagnostics.length === 1);
  });
});
