// The rule runner: rule selection (config, appliesTo, only), crash isolation, fix data, ordering, workspace caching.
import assert from 'node:assert/strict';
import { EffectiveConfig, lintFile, Workspace } from '../../server/src/engine';
import { lines, lint, testRule, URI } from './support';
import { lintText } from '../helpers/engine';

const pod = lines('apiVersion: v1', 'kind: Pod', 'metadata: { name: p }', 'spec:', '  containers: [{ name: c, image: "x:1" }]');
const service = lines('apiVersion: v1', 'kind: Service', 'metadata: { name: s }');
const onAnchor = (id: string, extra = {}) => testRule(id, (ctx) => ctx.report({ node: ctx.object.anchor, message: `${id} on ${ctx.object.displayName}` }), extra);

describe('rule runner', () => {
  it('runs a rule only on the kinds it applies to', () => {
    const res = lint(pod + '---\n' + service, [onAnchor('k8s/test-pods', { appliesTo: { kinds: ['Pod'] } })]);
    assert.deepEqual(res.findings.map((f) => f.message), ['k8s/test-pods on Pod/p']);
  });

  it('isolates a rule that throws: a warning naming the rule and object, other rules still report', () => {
    const bad = testRule('k8s/test-throws', () => { throw new Error('cannot read x of undefined'); });
    const res = lint(pod + '---\n' + service, [bad, onAnchor('k8s/test-ok')]);
    assert.equal(res.findings.length, 2);
    assert.deepEqual(res.errors.map((e) => [e.severity, e.message]), [
      ['warning', 'rule k8s/test-throws failed on Pod/p: cannot read x of undefined'],
      ['warning', 'rule k8s/test-throws failed on Service/s: cannot read x of undefined'],
    ]);
    assert.equal(res.errors[1].range?.start.line, 6, 'the error points at the object');
  });

  it('uses the configured severity and leaves out rules that are off', () => {
    const a = onAnchor('k8s/test-a');
    const b = onAnchor('k8s/test-b');
    const res = lint(pod, [a, b], { rules: { 'k8s/test-a': 'error', 'k8s/test-b': 'off' } });
    assert.deepEqual(res.findings.map((f) => [f.ruleId, f.severity]), [['k8s/test-a', 'error']]);
  });

  it('runs only the rules asked for', () => {
    const ws = new Workspace();
    ws.set(URI, pod);
    const rules = [onAnchor('k8s/test-a'), onAnchor('k8s/test-b')];
    const res = lintFile(ws, URI, new EffectiveConfig({}, rules), rules, { only: new Set(['k8s/test-b']) });
    assert.deepEqual(res.findings.map((f) => f.ruleId), ['k8s/test-b']);
  });

  it('sorts findings by offset, then rule id, and gives each a distinct id', () => {
    const rules = [onAnchor('k8s/test-z'), onAnchor('k8s/test-a')];
    const res = lint(service + '---\n' + pod, rules);
    assert.deepEqual(res.findings.map((f) => f.ruleId), ['k8s/test-a', 'k8s/test-z', 'k8s/test-a', 'k8s/test-z']);
    assert.equal(new Set(res.findings.map((f) => f.id)).size, 4);
  });

  it('accepts explicit offsets as a target and keeps only fixes with edits', () => {
    const rule = testRule('k8s/test-offsets', (ctx) => {
      const s = ctx.object.root.range![0];
      ctx.report({ node: { start: s, end: s + 10 }, message: 'offsets', fixes: [{ title: 'empty', safe: true, edits: [] }, { title: 'real', safe: true, edits: [{ start: s, end: s, newText: '# x\n' }] }] });
      ctx.report({ node: ctx.object.anchor, message: 'no fix', fix: ctx.fix('nothing', true, [undefined]) });
    });
    const res = lint(pod, [rule]);
    assert.deepEqual(res.findings.map((f) => [f.start, f.end, f.fixes.map((x) => x.title)]), [[0, 10, ['real']], [res.findings[1].start, res.findings[1].end, []]]);
  });

  it('skips workload fragments without images, and files that are not manifests', () => {
    const fragment = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: { name: d }', 'spec:', '  template:', '    spec:', '      containers: [{ name: c }]');
    assert.deepEqual(lint(fragment, [onAnchor('k8s/test-a')]).findings, []);
    assert.deepEqual(lint('a: 1\n', [onAnchor('k8s/test-a')]), { uri: URI, findings: [], errors: [] });
    assert.deepEqual(lintFile(new Workspace(), 'file:///absent.yaml', new EffectiveConfig({}), []), { uri: 'file:///absent.yaml', findings: [], errors: [] });
  });

  it('lets a rule see the objects of other files through the workspace view', () => {
    const seen: string[] = [];
    const rule = testRule('k8s/test-view', (ctx) => { seen.push(...ctx.workspace.ofKind('Service').map((o) => `${o.uri}#${o.name}`)); }, { appliesTo: { kinds: ['Pod'] } });
    const ws = new Workspace();
    ws.set('file:///a/pod.yaml', pod);
    ws.set('file:///a/svc.yaml', service);
    lintFile(ws, 'file:///a/pod.yaml', new EffectiveConfig({}), [rule]);
    assert.deepEqual(seen, ['file:///a/svc.yaml#s']);
    ws.delete('file:///a/svc.yaml');
    seen.length = 0;
    lintFile(ws, 'file:///a/pod.yaml', new EffectiveConfig({}), [rule]);
    assert.deepEqual(seen, [], 'the view follows deletions');
  });

  it('parses a text once: setting the same text again returns the same analysis', () => {
    const ws = new Workspace();
    const first = ws.set(URI, pod);
    assert.equal(ws.set(URI, pod), first);
    assert.notEqual(ws.set(URI, pod + '# changed\n'), first);
  });

  it('records unreadable files as one error and no objects', () => {
    const ws = new Workspace();
    const f = ws.setUnreadable(URI, 'binary file (contains NUL bytes); skipped');
    assert.deepEqual(f.objects, []);
    assert.deepEqual(lintFile(ws, URI, new EffectiveConfig({}), [onAnchor('k8s/test-a')]).errors.map((e) => e.message), ['binary file (contains NUL bytes); skipped']);
  });
});

describe('finding-specific severity', () => {
  // k8s/privileged-or-ssh-port reports port 22 at its default (warning) and ports below 1024 at info.
  const pod = (port: number) => [
    'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web',
    '      image: registry.example.com/web:1.0.0', '      ports:', `        - containerPort: ${port}`,
  ].join('\n');
  const severityOf = (port: number, config: import('../../server/src/engine').LintelConfigFile) =>
    lintText(pod(port), config).findings.filter((f) => f.ruleId === 'k8s/privileged-or-ssh-port').map((f) => f.severity);

  it('keeps the finding\'s own severity by default, and strict raises only warnings', () => {
    assert.deepEqual(severityOf(80, {}), ['info']);
    assert.deepEqual(severityOf(80, { extends: 'strict' }), ['info']);
    assert.deepEqual(severityOf(22, { extends: 'strict' }), ['error']);
  });

  it('a severity named in the configuration wins, even when it equals the default', () => {
    assert.deepEqual(severityOf(80, { rules: { 'k8s/privileged-or-ssh-port': 'warning' } }), ['warning']);
    assert.deepEqual(severityOf(80, { rules: { 'k8s/privileged-or-ssh-port': { severity: 'error' } } }), ['error']);
  });
});
