// More code actions: unsafe fixes are offered but never preferred nor part of fix-all; JSON manifests get annotation suppressions only.
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from './support/lspClient';
import { applyTextEdits, editsFor, fixture, onlyRules, TempWorkspace } from './support/workspace';

const PDB_RULE = 'k8s/workload-missing-pdb';
const PRIVILEGED = 'k8s/privileged-container';

describe('lsp: code actions (unsafe fixes, JSON)', () => {
  let ws: TempWorkspace;
  let client: LspClient;
  beforeEach(async () => {
    ws = new TempWorkspace({ '.lintel.yaml': onlyRules([PDB_RULE, PRIVILEGED]) });
    client = await LspClient.start({ pull: false, root: ws.root });
  });
  afterEach(async () => { await client.stop().catch(() => client.kill()); ws.dispose(); });

  async function diagnostic(uri: string, code: string): Promise<Diagnostic> {
    const p = await client.pushed(uri, (x) => x.diagnostics.some((d) => d.code === code));
    return p.diagnostics.find((d) => d.code === code)!;
  }

  it('offers an unsafe fix by its title, not preferred, and leaves it out of fix-all', async () => {
    const uri = ws.uri('deploy.yaml');
    const text = fixture('deployment.yaml');
    client.open(uri, text);
    const d = await diagnostic(uri, PDB_RULE);
    const actions = await client.codeActions(uri, d.range, [d]);
    const fix = actions.find((a) => /PodDisruptionBudget/.test(a.title))!;
    assert.ok(fix, actions.map((a) => a.title).join('\n'));
    assert.equal(fix.isPreferred, undefined);
    const withPdb = applyTextEdits(text, editsFor(fix.edit!, uri).edits);
    assert.match(withPdb, /kind: PodDisruptionBudget/);
    // Applied, the new budget covers the Deployment.
    const v = client.change(uri, withPdb);
    const after = await client.pushed(uri, (p) => p.version === v);
    assert.deepEqual(after.diagnostics.filter((x) => x.code === PDB_RULE), []);
    // Fix-all on the original text fixes only the safe problem.
    const v3 = client.change(uri, text);
    await client.pushed(uri, (p) => p.version === v3);
    const [all] = await client.codeActions(uri, d.range, [], ['source.fixAll.lintel']);
    assert.equal(applyTextEdits(text, editsFor(all.edit!, uri).edits), text.replace('privileged: true', 'privileged: false'));
  });

  it('JSON manifests: the fix, no comment suppressions, and an annotation that keeps the JSON valid', async () => {
    const uri = ws.uri('pod.json');
    const text = fixture('pod.json');
    client.open(uri, text, 'json');
    const d = await diagnostic(uri, PRIVILEGED);
    const actions: CodeAction[] = await client.codeActions(uri, d.range, [d]);
    assert.deepEqual(actions.map((a) => a.title), ['Set privileged: false', `Ignore ${PRIVILEGED} for this object (annotation)`, `Show documentation for ${PRIVILEGED}`]);
    const annotated = applyTextEdits(text, editsFor(actions[1].edit!, uri).edits);
    assert.deepEqual(JSON.parse(annotated).metadata, { name: 'tool', annotations: { 'lintel.dev/ignore': PRIVILEGED } });
    const v = client.change(uri, annotated);
    const after = await client.pushed(uri, (p) => p.version === v);
    assert.deepEqual(after.diagnostics, []);
  });

  const SPEC = '"spec": {"containers": [{"name": "c", "image": "example/c:1.0", "securityContext": {"privileged": true}}]}';
  for (const [label, text] of [
    ['metadata on its own lines', `{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {\n    "name": "p",\n    "labels": {"a": "b"}\n  },\n  ${SPEC}\n}\n`],
    ['no metadata', `{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  ${SPEC}\n}\n`],
    ['an ignore annotation already there', `{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {\n    "name": "p",\n    "annotations": {\n      "lintel.dev/ignore": "k8s/other"\n    }\n  },\n  ${SPEC}\n}\n`],
    ['CRLF line ends', `{\r\n  "apiVersion": "v1",\r\n  "kind": "Pod",\r\n  "metadata": {\r\n    "name": "p"\r\n  },\r\n  ${SPEC}\r\n}\r\n`],
  ] as const) {
    it(`JSON annotation with ${label}: valid JSON that silences the finding`, async () => {
      const uri = ws.uri(`pod-${label.length}.json`);
      client.open(uri, text, 'json');
      const d = await diagnostic(uri, PRIVILEGED);
      const action = (await client.codeActions(uri, d.range, [d])).find((a) => a.title === `Ignore ${PRIVILEGED} for this object (annotation)`)!;
      const annotated = applyTextEdits(text, editsFor(action.edit!, uri).edits);
      const parsed = JSON.parse(annotated) as { metadata: { annotations: Record<string, string> } };
      assert.match(parsed.metadata.annotations['lintel.dev/ignore'], new RegExp(`(^|,)${PRIVILEGED}$`));
      const v = client.change(uri, annotated);
      assert.deepEqual((await client.pushed(uri, (p) => p.version === v)).diagnostics, []);
    });
  }
});
