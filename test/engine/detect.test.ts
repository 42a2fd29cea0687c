// Kubernetes detection: apiVersion + kind, List items, JSON; Helm templates and other YAML skipped silently.
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/engine';
import { parseYaml } from '../../server/src/engine/parse/yaml';
import { lines, URI } from './support';

function analyze(text: string, uri = URI) {
  return new Workspace().set(uri, text);
}

describe('Kubernetes detection', () => {
  it('takes a document with apiVersion and kind as an object, whatever its kind', () => {
    const f = analyze(lines('apiVersion: example.com/v1', 'kind: Widget', 'metadata: { name: w, namespace: team }'));
    assert.equal(f.objects.length, 1);
    assert.equal(f.objects[0].kind, 'Widget');
    assert.equal(f.objects[0].group, 'example.com');
    assert.equal(f.objects[0].namespace, 'team');
    assert.equal(f.objects[0].displayName, 'Widget/w');
  });

  it('needs both apiVersion and kind, and a kind that is an identifier', () => {
    assert.equal(analyze(lines('kind: Pod', 'metadata: { name: a }')).objects.length, 0);
    assert.equal(analyze(lines('apiVersion: v1', 'metadata: { name: a }')).objects.length, 0);
    assert.equal(analyze(lines('apiVersion: v1', 'kind: "not a kind"')).objects.length, 0);
    assert.equal(analyze(lines('apiVersion: v1', 'kind: [Pod]')).objects.length, 0);
    assert.equal(analyze(lines('- apiVersion: v1', '  kind: Pod')).objects.length, 0, 'a root sequence is not an object');
  });

  it('finds the objects of every document of a stream, in order', () => {
    const f = analyze(lines('apiVersion: v1', 'kind: Service', '---', 'not: kubernetes', '---', 'apiVersion: apps/v1', 'kind: Deployment'));
    assert.deepEqual(f.objects.map((o) => o.kind), ['Service', 'Deployment']);
    assert.deepEqual(f.objects.map((o) => o.yamlDoc.index), [0, 2]);
  });

  it('takes the items of a List (and of a typed …List) as objects', () => {
    const list = analyze(lines(
      'apiVersion: v1', 'kind: List', 'items:',
      '  - apiVersion: v1', '    kind: Service', '    metadata: { name: s }',
      '  - apiVersion: apps/v1', '    kind: Deployment', '    metadata: { name: d }',
      '  - just: data',
    ));
    assert.deepEqual(list.objects.map((o) => o.displayName), ['Service/s', 'Deployment/d']);
    assert.equal(list.objects[0].root.range![0], list.text.indexOf('apiVersion: v1\n    kind: Service'));
    const typed = analyze(lines('apiVersion: v1', 'kind: ConfigMapList', 'items:', '  - { apiVersion: v1, kind: ConfigMap, metadata: { name: c } }'));
    assert.deepEqual(typed.objects.map((o) => o.displayName), ['ConfigMap/c']);
  });

  it('reads Kubernetes objects written as JSON', () => {
    const f = analyze('{ "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "j" } }', 'file:///work/pod.json');
    assert.deepEqual(f.objects.map((o) => o.displayName), ['Pod/j']);
  });

  it('leaves other YAML and JSON alone, syntax errors included', () => {
    const workflow = analyze(lines('on: [push]', 'jobs:', '  build: { runs-on: ubuntu-latest }'), 'file:///work/.github/workflows/ci.yml');
    assert.deepEqual([workflow.objects.length, workflow.errors.length], [0, 0]);
    const brokenCompose = analyze(lines('services:', '  web: [image: nginx', 'x'), 'file:///work/compose.yaml');
    assert.deepEqual(brokenCompose.errors, []);
    const brokenJson = analyze('{ "compilerOptions": { ', 'file:///work/tsconfig.json');
    assert.deepEqual(brokenJson.errors, []);
    const text = analyze('apiVersion: v1\nkind: Pod\n', 'file:///work/notes.txt');
    assert.equal(text.objects.length, 0, 'only .yaml, .yml and .json are read');
  });

  it('reports syntax errors of a file that tries to be a manifest', () => {
    const f = analyze(lines('apiVersion: v1', 'kind: Pod', 'metadata: [name: a'));
    assert.equal(f.objects.length, 0);
    assert.ok(f.errors.some((e) => e.severity === 'error' && /YAML syntax error/.test(e.message)));
  });
});

describe('Helm templates', () => {
  const helm = [
    lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: {{ include "app.fullname" . }}', 'spec:', '  replicas: {{ .Values.replicas }}'),
    lines('{{- if .Values.serviceAccount.create }}', 'apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: sa', '{{- end }}'),
    lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: "{{ .Release.Name }}-config"', 'data:', '  a: b'),
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: svc', '  labels:', '    {{- toYaml .Values.labels | nindent 4 }}'),
    lines('{{ range .Values.items }}', '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: {{ . }}', '{{ end }}'),
    lines('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: s', 'stringData:', '  a: {{ $.Values.password | quote }}'),
    // No Helm words at all: the actions stand where YAML structure is.
    lines('{{- if $enabled }}', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: {{ $name }}', '{{- end }}'),
  ];
  helm.forEach((text, i) => {
    it(`skips template ${i + 1} silently: no objects, no errors`, () => {
      assert.equal(parseYaml(URI, text).template, true);
      const f = analyze(text);
      assert.deepEqual(f.objects, []);
      assert.deepEqual(f.errors, []);
    });
  });
});

describe('Go template text inside values is data, not a template', () => {
  const prometheusRule = lines(
    'apiVersion: monitoring.coreos.com/v1',
    'kind: PrometheusRule',
    'metadata:',
    '  name: volumes',
    'spec:',
    '  groups:',
    '    - name: storage',
    '      rules:',
    '        - alert: VolumeFillingUp',
    '          annotations:',
    '            description: The volume claimed by {{ $labels.persistentvolumeclaim }} {{ with $labels.cluster -}} on Cluster {{ . }} {{- end }} is only {{ $value | humanizePercentage }} free.',
    "            summary: '{{ if $labels.node }}Node {{ $labels.node }}{{ else }}A node{{ end }} is down'",
    '            runbook: |',
    '              {{ range $i, $v := $labels }}',
    '              {{ $i }}={{ $v }}',
    '              {{ end }}',
    '          expr: kubelet_volume_stats_available_bytes < 1',
  );

  it('a PrometheusRule with {{ $labels }}, {{ with }}, {{ if }}, {{ range }} in strings is an object', () => {
    const file = parseYaml(URI, prometheusRule);
    assert.equal(file.template, false);
    const f = analyze(prometheusRule);
    assert.deepEqual(f.objects.map((o) => o.displayName), ['PrometheusRule/volumes']);
    assert.deepEqual(f.errors, []);
  });

  it('an Alertmanager configuration with {{ define }} / {{ template }} in a block scalar is an object', () => {
    const text = lines(
      'apiVersion: v1', 'kind: Secret', 'metadata:', '  name: alertmanager-templates', 'stringData:', '  slack.tmpl: |',
      '    {{ define "slack.title" }}[{{ .Status }}] {{ .CommonLabels.alertname }}{{ end }}',
      '    {{ template "slack.title" . }}',
    );
    assert.equal(parseYaml(URI, text).template, false);
    assert.equal(analyze(text).objects.length, 1);
  });

  it('a comment that mentions {{ }} does not make a manifest a template', () => {
    const text = lines('# render with {{ .Values.x }} elsewhere', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: c }');
    assert.equal(analyze(text).objects.length, 1);
  });
});
