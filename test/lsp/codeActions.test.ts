// Code actions over stdio: quick-fixes from Diagnostic.data, fix-all, stale versions, suppressions that silence the finding.
import assert from 'node:assert/strict';
import { LSPErrorCodes, ResponseError, type CodeAction, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from './support/lspClient';
import { applyTextEdits, editsFor, fixture, onlyRules, TempWorkspace } from './support/workspace';

const RULE = 'k8s/privileged-container';

describe('lsp: code actions', () => {
  let ws: TempWorkspace;
  let client: LspClient;
  let uri: string;
  let text: string;

  beforeEach(async () => {
    ws = new TempWorkspace({ '.lintel.yaml': onlyRules([RULE]) });
    text = fixture('deployment.yaml');
    uri = ws.write('deploy.yaml', text);
    client = await LspClient.start({ pull: false, root: ws.root });
    client.open(uri, text);
  });
  afterEach(async () => { await client.stop().catch(() => client.kill()); ws.dispose(); });

  const finding = async (pred: (p: PublishDiagnosticsParams) => boolean = (p) => p.diagnostics.some((d) => d.code === RULE)): Promise<Diagnostic> => {
    const p = await client.pushed(uri, pred);
    return p.diagnostics.find((d) => d.code === RULE)!;
  };
  const titles = (actions: CodeAction[]) => actions.map((a) => a.title);
  const apply = (action: CodeAction, before: string) => {
    const { edits, version } = editsFor(action.edit!, uri);
    assert.equal(version, client.version(uri), 'edits are tied to the current version');
    return applyTextEdits(before, edits);
  };

  it('offers the fix (preferred), three suppressions and the docs, looked up by Diagnostic.data', async () => {
    const d = await finding();
    const actions = await client.codeActions(uri, d.range, [d]);
    assert.deepEqual(titles(actions), [
      'Set privileged: false',
      `Ignore ${RULE} on this line`,
      `Ignore ${RULE} for this object (annotation)`,
      `Ignore ${RULE} in this file`,
      `Show documentation for ${RULE}`,
    ]);
    const fix = actions[0];
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [d]);
    assert.equal(apply(fix, text), text.replace('privileged: true', 'privileged: false'));
    assert.deepEqual(actions[4].command, { title: `Show documentation for ${RULE}`, command: 'lintel.showRuleDocs', arguments: [RULE] });
  });

  it('does not match diagnostics by message: a lintel diagnostic without data gets no action', async () => {
    const d = await finding();
    const copy: Diagnostic = { ...d, data: undefined };
    assert.deepEqual(await client.codeActions(uri, d.range, [copy]), []);
  });

  it('rejects code actions for diagnostics of an older version', async () => {
    const d = await finding();
    const v2 = client.change(uri, text.replace('name: web\n  namespace', 'name: web2\n  namespace'));
    await finding((p) => p.version === v2);
    assert.deepEqual(await client.codeActions(uri, d.range, [d]), [], 'diagnostic data says version 1');
  });

  it('applies source.fixAll.lintel (and source.fixAll) as one minimal edit', async () => {
    const d = await finding();
    for (const kind of ['source.fixAll.lintel', 'source.fixAll']) {
      const actions = await client.codeActions(uri, d.range, [], [kind]);
      assert.equal(actions.length, 1, kind);
      assert.equal(actions[0].kind, kind);
      const { edits } = editsFor(actions[0].edit!, uri);
      assert.equal(edits.length, 1);
      assert.deepEqual(edits[0], { range: { start: { line: 37, character: 24 }, end: { line: 37, character: 27 } }, newText: 'fals' });
      assert.equal(apply(actions[0], text), text.replace('privileged: true', 'privileged: false'));
    }
    assert.deepEqual(await client.codeActions(uri, d.range, [], ['refactor']), []);
  });

  it('lintel.fixAllSafe applies the edit for the given version and refuses a stale one', async () => {
    await finding();
    const result = await client.executeCommand('lintel.fixAllSafe', [{ uri, version: 1 }]);
    assert.deepEqual(result, { applied: true, fixes: 1 });
    const [applied] = client.appliedEdits;
    assert.equal(applyTextEdits(text, editsFor(applied.edit, uri).edits), text.replace('privileged: true', 'privileged: false'));
    const v2 = client.change(uri, text.replace('privileged: true', 'privileged: "true"'));
    await assert.rejects(client.executeCommand('lintel.fixAllSafe', [{ uri, version: v2 - 1 }]), (e: ResponseError<unknown>) => e.code === LSPErrorCodes.ContentModified);
    await assert.rejects(client.executeCommand('lintel.nope', []), (e: ResponseError<unknown>) => e.code === LSPErrorCodes.RequestFailed);
  });

  for (const [which, expected] of [
    ['on this line', (t: string) => t.replace('            privileged: true', `            # lintel:ignore ${RULE}\n            privileged: true`)],
    ['for this object (annotation)', (t: string) => t.replace('  labels:\n    app: web\nspec:', `  labels:\n    app: web\n  annotations:\n    lintel.dev/ignore: ${RULE}\nspec:`)],
    ['in this file', (t: string) => `# lintel:ignore-file ${RULE}\n${t}`],
  ] as const) {
    it(`suppression ${which} inserts the directive and the diagnostic goes away`, async () => {
      const d = await finding();
      const actions = await client.codeActions(uri, d.range, [d]);
      const action = actions.find((a) => a.title === `Ignore ${RULE} ${which}`)!;
      const after = apply(action, text);
      assert.equal(after, expected(text));
      const v = client.change(uri, after);
      const p = await client.pushed(uri, (x) => x.version === v);
      assert.deepEqual(p.diagnostics.filter((x) => x.code === RULE), []);
    });
  }

  it('shows rule documentation through window/showDocument', async () => {
    assert.deepEqual(await client.executeCommand('lintel.showRuleDocs', [RULE]), { url: `https://github.com/lintel-dev/lintel/blob/main/docs/rules/${RULE}.md` });
    assert.deepEqual(client.shownDocuments, [`https://github.com/lintel-dev/lintel/blob/main/docs/rules/${RULE}.md`]);
  });
});
