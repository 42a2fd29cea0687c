// The Kubernetes model: pod template and containers of every workload kind, metadata, anchors and fragments.
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/engine';
import { WORKLOAD_KINDS } from '../../server/src/engine/api';
import { URI } from './support';

const podSpec = (indent: string, name = '') => [
  'metadata:',
  ...(name ? [`  name: ${name}`] : []),
  '  labels: { app: demo }',
  '  annotations: { note: pod }',
  'spec:',
  '  initContainers:',
  '    - name: init',
  '      image: busybox:1.36',
  '  containers:',
  '    - name: main',
  '      image: nginx:1.27',
  '    - name: sidecar',
  '      image: envoy:1.30',
  '  ephemeralContainers:',
  '    - name: debug',
  '      image: busybox:1.36',
].map((l) => indent + l).join('\n');

/** A manifest of `kind` whose pod template sits where that kind keeps it. */
function manifest(kind: string): string {
  const head = `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${kind.toLowerCase()}\n  labels: { tier: web }\n`;
  if (kind === 'Pod') return `apiVersion: v1\nkind: Pod\n${podSpec('', 'pod')}\n`;
  if (kind === 'CronJob') return `${head}spec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n${podSpec('        ')}\n`;
  return `${head}spec:\n  template:\n${podSpec('    ')}\n`;
}

function objectOf(text: string) {
  const f = new Workspace().set(URI, text);
  assert.deepEqual(f.errors, []);
  assert.equal(f.objects.length, 1);
  return f.objects[0];
}

describe('Kubernetes model', () => {
  for (const kind of WORKLOAD_KINDS) {
    it(`${kind}: finds the pod template, its metadata and every container list`, () => {
      const text = manifest(kind);
      const o = objectOf(text);
      assert.equal(o.kind, kind);
      assert.ok(o.isWorkload);
      assert.ok(o.pod, 'pod template found');
      assert.deepEqual(o.pod.labels, { app: 'demo' });
      assert.deepEqual(o.pod.annotations, { note: 'pod' });
      assert.ok(o.pod.spec.items.some((p) => String((p.key as { value: unknown }).value) === 'containers'));
      assert.deepEqual(o.containers.map((c) => [c.kind, c.name, c.image, c.index]), [
        ['initContainer', 'init', 'busybox:1.36', 0],
        ['container', 'main', 'nginx:1.27', 0],
        ['container', 'sidecar', 'envoy:1.30', 1],
        ['ephemeralContainer', 'debug', 'busybox:1.36', 0],
      ]);
      assert.deepEqual(o.appContainers.map((c) => c.name), ['main', 'sidecar']);
      // Each container's anchor is its name value, at the right place in the text.
      for (const c of o.containers) assert.equal(text.slice(c.anchor.range![0], c.anchor.range![1]), c.name);
      if (kind === 'Pod') assert.equal(o.pod.map, o.root, 'a Pod is its own template');
      else assert.deepEqual(o.labels, { tier: 'web' });
    });
  }

  it('reads metadata, the anchor of object findings and paths', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\n  annotations: { a: "1", b: true, c: [x] }\nspec: { replicas: 3 }\n';
    const o = objectOf(text);
    assert.equal(o.name, 'web');
    assert.equal(o.namespace, 'shop');
    assert.equal(o.group, 'apps');
    assert.deepEqual(o.annotations, { a: '1', b: 'true' }, 'non-scalar values are left out');
    assert.equal(text.slice(o.anchor.range![0], o.anchor.range![1]), 'web');
    assert.equal((o.get(['spec', 'replicas']) as { value: unknown }).value, 3);
    assert.equal(o.pod, undefined, 'no template');
    assert.deepEqual(o.containers, []);
  });

  it('points object findings at the kind when the object has no name', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\ndata: {}\n';
    const o = objectOf(text);
    assert.equal(o.name, undefined);
    assert.equal(o.displayName, 'ConfigMap/(unnamed)');
    assert.equal(text.slice(o.anchor.range![0], o.anchor.range![1]), 'ConfigMap');
  });

  it('gives non-workload kinds no pod template even when they have spec.template', () => {
    const o = objectOf('apiVersion: example.com/v1\nkind: PodTemplateHolder\nspec:\n  template:\n    spec:\n      containers: [{ name: a, image: b }]\n');
    assert.equal(o.isWorkload, false);
    assert.equal(o.pod, undefined);
  });

  it('follows aliases in the pod spec without expanding them', () => {
    const text = [
      'apiVersion: v1', 'kind: Pod', 'metadata: { name: p }', 'spec:',
      '  containers:', '    - &main { name: main, image: "nginx:1.27" }', '  initContainers:', '    - *main',
    ].join('\n') + '\n';
    const o = objectOf(text);
    assert.deepEqual(o.containers.map((c) => [c.kind, c.name]), [['initContainer', 'main'], ['container', 'main']]);
  });

  it('skips container items that are not maps and tolerates missing lists', () => {
    const o = objectOf('apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [nginx, { name: ok, image: "x:1" }]\n  initContainers:\n');
    assert.deepEqual(o.containers.map((c) => [c.name, c.index]), [['ok', 1]]);
  });

  it('treats workload fragments (containers without image) and Kustomize patches as partial', () => {
    const ws = new Workspace();
    const frag = ws.set('file:///k/patch-resources.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          resources: { limits: { cpu: "1" } }\n');
    assert.ok(ws.isPartial(frag.objects[0]), 'no image: a patch fragment');
    const full = ws.set('file:///k/deploy.yaml', manifest('Deployment'));
    assert.equal(ws.isPartial(full.objects[0]), false);
    assert.equal(ws.k8sView().ofKind('Deployment').length, 1, 'the view holds complete objects only');
    ws.set('file:///k/kustomization.yaml', 'resources: [deploy.yaml]\npatches:\n  - path: deploy.yaml\n');
    assert.ok(ws.isPartial(full.objects[0]), 'named as a patch by kustomization.yaml');
    assert.equal(ws.k8sView().ofKind('Deployment').length, 0, 'the view was rebuilt');
  });
});
