// Fix-all: overlapping fixes wait for a later pass, passes are bounded, broken fixes are refused, the workspace is restored.
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { EffectiveConfig, fixAll, Workspace, type Rule } from '../../server/src/engine';
import { asMap, getIn, getNode, hasKey, num } from '../../server/src/engine/api';
import { lines, testRule, URI } from './support';

/** A rule that adds label `key` to the object when it is missing (an insert after the last label). */
const addLabel = (key: string) => testRule(`k8s/test-label-${key}`, (ctx) => {
  const labels = asMap(getIn(ctx.object.root, ['metadata', 'labels'], ctx.doc), ctx.doc);
  if (!labels || hasKey(labels, key)) return;
  ctx.report({ node: labels, message: `label ${key} missing`, fix: ctx.fix(`Add ${key}`, true, ctx.edit.setIn(labels, [key], 'ok')) });
}, { fixable: true });

const manifest = lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: c', '  labels:', '    app: web   # keep', 'data: { a: "1" }');

function run(rules: Rule[], text = manifest, opts: Parameters<typeof fixAll>[4] = {}) {
  const ws = new Workspace();
  ws.set(URI, text);
  const result = fixAll(ws, URI, new EffectiveConfig({ extends: 'all' }, rules), rules, opts);
  return { ws, result };
}

describe('fix-all', () => {
  it('applies non-overlapping safe fixes in one pass and reports none remaining', () => {
    const other = testRule('k8s/test-data', (ctx) => {
      const data = asMap(getNode(ctx.object.root, 'data', ctx.doc), ctx.doc)!;
      if (!hasKey(data, 'b')) ctx.report({ node: data, message: 'b missing', fix: ctx.fix('Add b', true, ctx.edit.insertPair(data, 'b', '2')) });
    }, { fixable: true });
    const { result } = run([addLabel('team'), other]);
    assert.equal(result.passes, 1);
    assert.equal(result.applied, 2);
    assert.deepEqual(result.remaining, []);
    assert.equal(result.text, lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: c', '  labels:', '    app: web   # keep', '    team: ok', 'data: { a: "1", b: "2" }'));
  });

  it('defers a fix that overlaps another to a later pass', () => {
    // Both insert after the last label: the same offset, so only one can go in a pass.
    const { result } = run([addLabel('team'), addLabel('tier')]);
    assert.equal(result.passes, 2);
    assert.equal(result.applied, 2);
    assert.deepEqual(result.remaining, []);
    const labels = parseAllDocuments(result.text)[0].toJS().metadata.labels;
    assert.deepEqual(Object.keys(labels).sort(), ['app', 'team', 'tier']);
    assert.match(result.text, /app: web {3}# keep\n/);
  });

  it('stops after maxPasses when fixes never settle', () => {
    const bump = testRule('k8s/test-bump', (ctx) => {
      const n = getIn(ctx.object.root, ['data', 'n'], ctx.doc)!;
      ctx.report({ node: n, message: 'bump', fix: ctx.fix('Bump', true, ctx.edit.setScalar(n, (num(n, ctx.doc) ?? 0) + 1)) });
    }, { fixable: true });
    const { result } = run([bump], lines('apiVersion: v1', 'kind: ConfigMap', 'data:', '  n: 0'), { maxPasses: 4 });
    assert.equal(result.passes, 4);
    assert.match(result.text, /n: 4\n/);
    assert.equal(result.remaining.length, 1);
    const dflt = run([bump], lines('apiVersion: v1', 'kind: ConfigMap', 'data:', '  n: 0')).result;
    assert.ok(dflt.passes >= 2 && dflt.passes <= 20, `bounded by default (${dflt.passes})`);
  });

  it('never applies a fix that would break parsing, and still applies the good ones', () => {
    const broken = testRule('k8s/test-broken', (ctx) => {
      const name = getIn(ctx.object.root, ['metadata', 'name'], ctx.doc)!;
      ctx.report({ node: name, message: 'broken', fix: ctx.fix('Break it', true, { start: name.range![0], end: name.range![1], newText: '[unclosed' }) });
    }, { fixable: true });
    const alone = run([broken]).result;
    assert.equal(alone.text, manifest);
    assert.equal(alone.applied, 0);
    const mixed = run([broken, addLabel('team')]).result;
    assert.match(mixed.text, /team: ok/, 'the good fix is applied');
    assert.match(mixed.text, /name: c\n/, 'the broken one is not');
    assert.deepEqual(parseAllDocuments(mixed.text).flatMap((d) => d.errors), []);
    assert.equal(mixed.applied, 1);
  });

  it('applies only safe fixes unless asked for all', () => {
    const unsafe = testRule('k8s/test-unsafe', (ctx) => {
      const labels = asMap(getIn(ctx.object.root, ['metadata', 'labels'], ctx.doc), ctx.doc)!;
      if (!hasKey(labels, 'owner')) ctx.report({ node: labels, message: 'owner', fix: ctx.fix('Add owner', false, ctx.edit.setIn(labels, ['owner'], 'TODO')) });
    }, { fixable: true });
    assert.equal(run([unsafe]).result.text, manifest);
    assert.match(run([unsafe], manifest, { safeOnly: false }).result.text, /owner: TODO/);
  });

  it('restores the workspace to the original text afterwards', () => {
    const { ws, result } = run([addLabel('team'), addLabel('tier')]);
    assert.notEqual(result.text, manifest);
    assert.equal(ws.get(URI)!.text, manifest);
    assert.equal(ws.get(URI)!.objects[0].labels.team, undefined);
  });

  it('restores the workspace even when a rule throws while re-linting', () => {
    let calls = 0;
    const flaky = testRule('k8s/test-flaky', (ctx) => {
      if (++calls > 1) throw new Error('boom');
      const labels = asMap(getIn(ctx.object.root, ['metadata', 'labels'], ctx.doc), ctx.doc)!;
      ctx.report({ node: labels, message: 'x', fix: ctx.fix('x', true, ctx.edit.setIn(labels, ['x'], 'z')) });
    }, { fixable: true });
    const { ws, result } = run([flaky]);
    assert.match(result.text, /x: z/);
    assert.equal(ws.get(URI)!.text, manifest);
  });

  it('does nothing for an unknown file or a file without fixes', () => {
    const ws = new Workspace();
    assert.deepEqual(fixAll(ws, 'file:///nope.yaml', new EffectiveConfig({}), []), { text: '', applied: 0, passes: 0, remaining: [] });
    const { result } = run([]);
    assert.equal(result.text, manifest);
    assert.equal(result.passes, 0);
  });

  it('fixes every document of a stream and keeps the others byte for byte', () => {
    const text = manifest + '---\n# untouched\napiVersion: v1\nkind: Service\nmetadata: { name: s }\n---\n' + manifest.replace('name: c', 'name: d');
    const { result } = run([addLabel('team')], text);
    assert.equal(result.applied, 2, 'one fix per object with labels (the Service has none)');
    assert.equal((result.text.match(/team: ok/g) ?? []).length, 2);
    assert.match(result.text, /---\n# untouched\napiVersion: v1\nkind: Service\nmetadata: \{ name: s \}\n---\n/);
  });
});
