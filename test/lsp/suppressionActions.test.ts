// Suppression actions follow the engine's directive syntax: they join directives with reasons, skip scalar text, and stay linear on huge lines.
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from './support/lspClient';
import { applyTextEdits, editsFor, onlyRules, TempWorkspace } from './support/workspace';

const RULE = 'k8s/privileged-container';
const pod = (securityContext: string, head = '') =>
  `${head}apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: example/web:1.0\n      securityContext:\n${securityContext}        privileged: true\n`;

describe('lsp: suppression actions', () => {
  let ws: TempWorkspace;
  let client: LspClient;
  beforeEach(async () => {
    ws = new TempWorkspace({ '.lintel.yaml': onlyRules([RULE]) });
    client = await LspClient.start({ pull: false, root: ws.root });
  });
  afterEach(async () => { await client.stop().catch(() => client.kill()); ws.dispose(); });

  /** Opens `text`, asks for the actions of its finding, and returns them with the finding. */
  async function actionsFor(name: string, text: string): Promise<{ uri: string; d: Diagnostic; actions: CodeAction[]; ms: number }> {
    const uri = ws.uri(name);
    client.open(uri, text);
    const p = await client.pushed(uri, (x) => x.diagnostics.some((d) => d.code === RULE));
    const d = p.diagnostics.find((x) => x.code === RULE)!;
    const started = performance.now();
    const actions = await client.codeActions(uri, d.range, [d]);
    return { uri, d, actions, ms: performance.now() - started };
  }

  /** Applies the action titled `Ignore RULE <which>` and checks the finding is gone from the new text. */
  async function applyAndCheck(uri: string, text: string, actions: CodeAction[], which: string): Promise<string> {
    const action = actions.find((a) => a.title === `Ignore ${RULE} ${which}`);
    assert.ok(action, actions.map((a) => a.title).join('\n'));
    const after = applyTextEdits(text, editsFor(action.edit!, uri).edits);
    const v = client.change(uri, after);
    const p = await client.pushed(uri, (x) => x.version === v);
    assert.deepEqual(p.diagnostics.filter((x) => x.code === RULE), [], after);
    return after;
  }

  it('joins a directive that has a reason, keeping the reason', async () => {
    const text = pod('        # lintel:ignore k8s/other -- reviewed by the platform team\n');
    const { uri, actions } = await actionsFor('reason.yaml', text);
    const after = await applyAndCheck(uri, text, actions, 'on this line');
    assert.equal(after, text.replace('# lintel:ignore k8s/other --', `# lintel:ignore ${RULE},k8s/other --`));
  });

  it('joins a file directive that has a reason', async () => {
    const text = pod('', '# lintel:ignore-file k8s/other -- generated\n');
    const { uri, actions } = await actionsFor('file-reason.yaml', text);
    const after = await applyAndCheck(uri, text, actions, 'in this file');
    assert.equal(after, text.replace('# lintel:ignore-file k8s/other --', `# lintel:ignore-file ${RULE},k8s/other --`));
  });

  it('does not write into a block scalar whose last line looks like a directive', async () => {
    const text = pod('        note: |\n          # lintel:ignore k8s/other\n');
    const { uri, actions } = await actionsFor('scalar.yaml', text);
    const after = await applyAndCheck(uri, text, actions, 'on this line');
    assert.equal(after, text.replace('        privileged: true', `        # lintel:ignore ${RULE}\n        privileged: true`));
  });

  const CONTAINER = 'spec:\n  containers:\n    - name: web\n      image: example/web:1.0\n      securityContext:\n        privileged: true\n';
  for (const [label, text] of [
    ['annotations are an alias of the labels', `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: &common\n    team: payments\n  annotations: *common\n${CONTAINER}`],
    ['the annotations map is anchored', `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations: &notes\n    owner: payments\n  labels: *notes\n${CONTAINER}`],
    ['metadata is an alias', `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: &meta\n      name: web\n  - apiVersion: v1\n    kind: Pod\n    metadata: *meta\n    ${CONTAINER.replace(/\n(?=.)/g, '\n    ')}`],
    ['metadata is anchored', `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: &meta\n      name: web\n    ${CONTAINER.replace(/\n(?=.)/g, '\n    ')}  - apiVersion: v1\n    kind: ConfigMap\n    metadata: *meta\n`],
    ['annotations come from a merge key', `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: &meta\n      name: base\n      annotations: { owner: payments }\n  - apiVersion: v1\n    kind: Pod\n    metadata:\n      <<: *meta\n      name: web\n    ${CONTAINER.replace(/\n(?=.)/g, '\n    ')}`],
  ] as const) {
    it(`offers no annotation when ${label} (shared content would change)`, async () => {
      const { actions } = await actionsFor(`shared-${label.length}.yaml`, text);
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes(`Ignore ${RULE} on this line`), titles.join('\n'));
      assert.ok(!titles.includes(`Ignore ${RULE} for this object (annotation)`), titles.join('\n'));
    });
  }

  for (const [label, line] of [
    ['a line of 150,000 blanks', ' '.repeat(150_000)],
    ['a directive followed by 150,000 blanks', `        # lintel:ignore a${' '.repeat(150_000)}x`],
  ] as const) {
    it(`answers at once with ${label} above the finding`, async () => {
      const text = pod(`${line}\n`);
      const { uri, actions, ms } = await actionsFor(`long-${line.length}.yaml`, text);
      assert.ok(ms < 2000, `code actions took ${Math.round(ms)} ms`);
      await applyAndCheck(uri, text, actions, 'on this line');
    });
  }
});
