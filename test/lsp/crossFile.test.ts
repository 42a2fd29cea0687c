// Cross-file results: a PodDisruptionBudget in one document (open or on disk) changes the diagnostics of a Deployment in another.
import assert from 'node:assert/strict';
import type { Diagnostic, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { LspClient } from './support/lspClient';
import { fixture, onlyRules, TempWorkspace } from './support/workspace';

const PDB_RULE = 'k8s/workload-missing-pdb';
const missingPdb = (diags: Diagnostic[]) => diags.filter((d) => d.code === PDB_RULE).length;

describe('lsp: cross-file diagnostics', () => {
  let ws: TempWorkspace;
  let client: LspClient | undefined;
  beforeEach(() => { ws = new TempWorkspace({ '.lintel.yaml': onlyRules([PDB_RULE, 'k8s/privileged-container']) }); });
  afterEach(async () => { await client?.stop().catch(() => client?.kill()); client = undefined; ws.dispose(); });

  it('push: opening, breaking and closing a PDB re-lints the open Deployment', async () => {
    client = await LspClient.start({ pull: false, root: ws.root });
    await client.indexed();
    const deploy = ws.write('deploy.yaml', fixture('deployment.yaml'));
    client.open(deploy, fixture('deployment.yaml'));
    assert.equal(missingPdb((await client.pushed(deploy, (p) => p.diagnostics.length > 0)).diagnostics), 1);
    const before = client.published.get(deploy)!.length;

    const pdb = ws.uri('pdb.yaml'); // only in the editor, not on disk
    client.open(pdb, fixture('pdb.yaml'));
    const covered = await client.pushed(deploy, (p) => client!.published.get(deploy)!.length > before && missingPdb(p.diagnostics) === 0);
    assert.equal(covered.version, 1, 'the Deployment itself did not change');
    assert.equal(covered.diagnostics.filter((d) => d.code === 'k8s/privileged-container').length, 1);

    client.change(pdb, fixture('pdb.yaml').replace('app: web', 'app: other'));
    await client.pushed(deploy, (p) => missingPdb(p.diagnostics) === 1);

    client.change(pdb, fixture('pdb.yaml'));
    await client.pushed(deploy, (p) => missingPdb(p.diagnostics) === 0);
    client.close(pdb); // the budget was never saved: it leaves the workspace
    await client.pushed(deploy, (p) => missingPdb(p.diagnostics) === 1);
  });

  it('an open file that ignorePaths covers stays out of the workspace: its PDB covers nothing, and it gets no diagnostics', async () => {
    ws.write('.lintel.yaml', onlyRules([PDB_RULE, 'k8s/privileged-container'], 'ignorePaths: ["vendor/**"]\n'));
    client = await LspClient.start({ pull: false, root: ws.root });
    await client.indexed();
    const deploy = ws.write('deploy.yaml', fixture('deployment.yaml'));
    client.open(deploy, fixture('deployment.yaml'));
    assert.equal(missingPdb((await client.pushed(deploy, (p) => p.diagnostics.length > 0)).diagnostics), 1);
    const vendored = ws.uri('vendor/pdb.yaml'); // open in the editor only
    const privileged = fixture('deployment.yaml').replace(/name: web\n  namespace/, 'name: vendored\n  namespace');
    client.open(vendored, `${fixture('pdb.yaml')}---\n${privileged}`);
    const v2 = client.change(deploy, `${fixture('deployment.yaml')}# edited\n`);
    const after = await client.pushed(deploy, (p) => p.version === v2);
    assert.equal(missingPdb(after.diagnostics), 1, 'the ignored budget does not count');
    const ignored = await client.pushed(vendored);
    assert.deepEqual(ignored.diagnostics, []);
    client.change(vendored, `${fixture('pdb.yaml')}---\n${privileged}# edited\n`);
    const v3 = client.change(deploy, fixture('deployment.yaml'));
    assert.equal(missingPdb((await client.pushed(deploy, (p) => p.version === v3)).diagnostics), 1);
    // No longer ignored: the open buffer joins the workspace and is linted, without an edit to it.
    const cfg = ws.write('.lintel.yaml', onlyRules([PDB_RULE, 'k8s/privileged-container']));
    client.watched([{ uri: cfg, type: 2 }]);
    await client.pushed(vendored, (p) => p.diagnostics.some((d) => d.code === 'k8s/privileged-container'));
    await client.pushed(deploy, (p) => missingPdb(p.diagnostics) === 0);
  });

  it('pull: a PDB change asks the client to refresh, and the Deployment pulls a new result', async () => {
    client = await LspClient.start({ pull: true, root: ws.root });
    await client.indexed();
    const deploy = ws.write('deploy.yaml', fixture('deployment.yaml'));
    client.open(deploy, fixture('deployment.yaml'));
    const first = (await client.pull(deploy)) as FullDocumentDiagnosticReport;
    assert.equal(missingPdb(first.items), 1);
    const refreshes = client.refreshRequests;
    const pdb = ws.uri('pdb.yaml');
    client.open(pdb, fixture('pdb.yaml'));
    await client.pull(pdb);
    await client.until('a diagnostic refresh', () => client!.refreshRequests > refreshes);
    const second = (await client.pull(deploy, first.resultId)) as FullDocumentDiagnosticReport;
    assert.equal(second.kind, 'full');
    assert.equal(missingPdb(second.items), 0);
  });

  it('sees objects of files that are not open: a PDB on disk is indexed at startup', async () => {
    ws.write('policies/pdb.yaml', fixture('pdb.yaml'));
    client = await LspClient.start({ pull: false, root: ws.root });
    await client.indexed();
    const deploy = ws.write('deploy.yaml', fixture('deployment.yaml'));
    client.open(deploy, fixture('deployment.yaml'));
    const p = await client.pushed(deploy, (x) => x.diagnostics.length > 0);
    assert.equal(missingPdb(p.diagnostics), 0);
  });

  it('follows disk changes reported through the watcher it registers', async () => {
    client = await LspClient.start({ pull: false, root: ws.root });
    await client.until('watcher registration', () => client!.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'));
    await client.indexed();
    const deploy = ws.write('deploy.yaml', fixture('deployment.yaml'));
    client.open(deploy, fixture('deployment.yaml'));
    await client.pushed(deploy, (x) => missingPdb(x.diagnostics) === 1);
    const pdb = ws.write('pdb.yaml', fixture('pdb.yaml'));
    client.watched([{ uri: pdb, type: 1 }]);
    await client.pushed(deploy, (x) => missingPdb(x.diagnostics) === 0);
    ws.remove('pdb.yaml');
    client.watched([{ uri: pdb, type: 3 }]);
    await client.pushed(deploy, (x) => missingPdb(x.diagnostics) === 1);
  });

  it('drops objects of files that a changed ignorePaths now excludes', async () => {
    ws.write('vendor/pdb.yaml', fixture('pdb.yaml'));
    client = await LspClient.start({ pull: false, root: ws.root });
    await client.indexed();
    const deploy = ws.write('deploy.yaml', fixture('deployment.yaml'));
    client.open(deploy, fixture('deployment.yaml'));
    await client.pushed(deploy, (x) => x.diagnostics.length > 0 && missingPdb(x.diagnostics) === 0);
    const cfg = ws.write('.lintel.yaml', onlyRules([PDB_RULE, 'k8s/privileged-container'], 'ignorePaths: ["vendor/**"]\n'));
    client.watched([{ uri: cfg, type: 2 }]);
    await client.pushed(deploy, (x) => missingPdb(x.diagnostics) === 1);
  });
});
