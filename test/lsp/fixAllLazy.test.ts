// Fix-all is not computed for every lightbulb request: resolved when chosen, or run as a command, and cached per document version.
import assert from 'node:assert/strict';
import { LSPErrorCodes, type CodeAction, type Diagnostic, type ResponseError } from 'vscode-languageserver-protocol';
import type { ServerStats } from '../../server/src/lsp/protocol';
import { LspClient } from './support/lspClient';
import { applyTextEdits, editsFor, onlyRules, TempWorkspace } from './support/workspace';

const RULE = 'k8s/privileged-container';
const container = (name: string) => `    - name: ${name}\n      image: example/${name}:1.0\n      securityContext:\n        privileged: true\n`;
const POD = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n${container('a')}${container('b')}`;
const FIXED = POD.replaceAll('privileged: true', 'privileged: false');
const TITLE = 'Fix all safe Lintel problems';

describe('lsp: fix-all computed only when needed', () => {
  let ws: TempWorkspace;
  let client: LspClient | undefined;
  beforeEach(() => { ws = new TempWorkspace({ '.lintel.yaml': onlyRules([RULE]) }); });
  afterEach(async () => { await client?.stop().catch(() => client?.kill()); client = undefined; ws.dispose(); });

  const computations = async () => (await client!.request<ServerStats>('lintel/stats', null)).fixAllComputations;

  async function open(resolve: boolean): Promise<{ uri: string; d: Diagnostic }> {
    client = await LspClient.start({ pull: false, root: ws.root, codeActionResolve: resolve });
    const uri = ws.write('pod.yaml', POD);
    client.open(uri, POD);
    const p = await client.pushed(uri, (x) => x.diagnostics.filter((d) => d.code === RULE).length === 2);
    return { uri, d: p.diagnostics[0] };
  }

  const lightbulb = async (uri: string, d: Diagnostic): Promise<CodeAction> => {
    const actions = await client!.codeActions(uri, d.range, [d]);
    const fa = actions.find((a) => a.title === TITLE);
    assert.ok(fa, actions.map((a) => a.title).join('\n'));
    return fa;
  };

  it('a client that resolves: offered without the edit, computed once when resolved', async () => {
    const { uri, d } = await open(true);
    let offered!: CodeAction;
    for (let i = 0; i < 5; i++) offered = await lightbulb(uri, d);
    assert.equal(offered.edit, undefined);
    assert.equal(offered.kind, 'source.fixAll.lintel');
    assert.equal(await computations(), 0, 'lightbulb requests compute nothing');
    const quickOnly = await client!.codeActions(uri, d.range, [d], ['quickfix']);
    assert.ok(quickOnly.length > 0 && quickOnly.every((a) => a.kind === 'quickfix'), 'a quickfix-only request gets no source action');
    const resolved = await client!.resolveCodeAction(offered);
    assert.equal(applyTextEdits(POD, editsFor(resolved.edit!, uri).edits), FIXED);
    await client!.resolveCodeAction(offered);
    const [onSave] = await client!.codeActions(uri, d.range, [], ['source.fixAll']);
    assert.equal(onSave.kind, 'source.fixAll');
    assert.equal(applyTextEdits(POD, editsFor((await client!.resolveCodeAction(onSave)).edit!, uri).edits), FIXED);
    assert.equal(await computations(), 1, 'one computation for one version');
    // Resolving an action offered for an older version is refused.
    client!.change(uri, `${POD}# edited\n`);
    await assert.rejects(client!.resolveCodeAction(offered), (e: ResponseError<unknown>) => e.code === LSPErrorCodes.ContentModified);
  });

  it('a client that cannot resolve: the lightbulb offers the command; source.fixAll requests get the edit, cached per version', async () => {
    const { uri, d } = await open(false);
    let offered!: CodeAction;
    for (let i = 0; i < 5; i++) offered = await lightbulb(uri, d);
    assert.equal(offered.edit, undefined);
    assert.deepEqual(offered.command, { title: TITLE, command: 'lintel.fixAllSafe', arguments: [{ uri, version: 1 }] });
    assert.equal(await computations(), 0, 'lightbulb requests compute nothing');
    for (let i = 0; i < 3; i++) {
      const [explicit] = await client!.codeActions(uri, d.range, [], ['source.fixAll.lintel']);
      assert.equal(applyTextEdits(POD, editsFor(explicit.edit!, uri).edits), FIXED);
    }
    assert.deepEqual(await client!.executeCommand(offered.command!.command, offered.command!.arguments!), { applied: true, fixes: 2 });
    assert.equal(applyTextEdits(POD, editsFor(client!.appliedEdits[0].edit, uri).edits), FIXED);
    assert.equal(await computations(), 1, 'computed once for version 1');
    const v2 = client!.change(uri, `${POD}# edited\n`);
    await client!.pushed(uri, (p) => p.version === v2);
    await client!.codeActions(uri, d.range, [], ['source.fixAll.lintel']);
    assert.equal(await computations(), 2, 'and again for version 2');
  });
});
