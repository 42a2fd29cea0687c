// Suppressions: lintel comments (line, end of line, object, file, reasons), annotations and peers' syntaxes via aliases.
import assert from 'node:assert/strict';
import { lintText, ruleById } from '../helpers/engine';
import { lint } from './support';

const privileged = ruleById('k8s/privileged-container');
const rules = [privileged];

interface Opts { objectAnnotations?: string[]; podAnnotations?: string[]; above?: string; trailing?: string; aboveObject?: string; inside?: string; eol?: string }

/** A Deployment with one privileged container; options add suppressions in each place they can go. */
function deployment(o: Opts = {}): string {
  const ls = [
    ...(o.aboveObject ? [o.aboveObject] : []),
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    ...(o.objectAnnotations ? ['  annotations:', ...o.objectAnnotations.map((a) => `    ${a}`)] : []),
    'spec:',
    '  selector: { matchLabels: { app: web } }',
    '  template:',
    '    metadata:',
    '      labels: { app: web }',
    ...(o.podAnnotations ? ['      annotations:', ...o.podAnnotations.map((a) => `        ${a}`)] : []),
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: nginx:1.27',
    ...(o.inside ? [`          ${o.inside}`] : []),
    '          securityContext:',
    ...(o.above ? [`            ${o.above}`] : []),
    `            privileged: true${o.trailing ? `  ${o.trailing}` : ''}`,
  ];
  return ls.join(o.eol ?? '\n') + (o.eol ?? '\n');
}

const count = (text: string) => {
  const res = lint(text, rules);
  assert.deepEqual(res.errors, [], 'no file errors');
  return res.findings.filter((f) => f.ruleId === privileged.id).length;
};

describe('suppressions', () => {
  it('the unsuppressed fixture has the finding (so every case below can fail)', () => {
    assert.equal(count(deployment()), 1);
    assert.equal(count(deployment({ eol: '\r\n' })), 1);
  });

  describe('lintel comments', () => {
    const suppressed: Array<[string, Opts]> = [
      ['on the line above', { above: '# lintel:ignore k8s/privileged-container' }],
      ['on the line above, CRLF', { above: '# lintel:ignore k8s/privileged-container', eol: '\r\n' }],
      ['at the end of the line', { trailing: '# lintel:ignore k8s/privileged-container' }],
      ['with a reason', { above: '# lintel:ignore k8s/privileged-container -- the CNI driver needs it' }],
      ['at the end of the line with a reason', { trailing: '#lintel:ignore k8s/privileged-container -- needed' }],
      ['in a list of ids', { above: '# lintel:ignore k8s/other-rule,k8s/privileged-container, k8s/third' }],
      ['by an alias', { above: '# lintel:ignore kube-linter:privileged-container' }],
      ['with `all`', { trailing: '# lintel:ignore all' }],
      ['above the object', { aboveObject: '# lintel:ignore k8s/privileged-container -- whole object' }],
      ['for the whole file', { aboveObject: '# lintel:ignore-file k8s/privileged-container' }],
      ['for the whole file, from anywhere', { inside: '# lintel:ignore-file k8s/privileged-container -- driver' }],
    ];
    for (const [label, opts] of suppressed) it(`suppresses ${label}`, () => assert.equal(count(deployment(opts)), 0));

    const kept: Array<[string, Opts]> = [
      ['another rule\'s id', { above: '# lintel:ignore k8s/other-rule' }],
      ['an id that only starts like the rule', { above: '# lintel:ignore k8s/privileged' }],
      ['a directive two lines above', { inside: '# lintel:ignore k8s/privileged-container' }],
      ['a misspelt directive', { above: '# lintel-ignore k8s/privileged-container' }],
      ['a file directive for another rule', { aboveObject: '# lintel:ignore-file k8s/other-rule' }],
    ];
    for (const [label, opts] of kept) it(`does not suppress with ${label}`, () => assert.equal(count(deployment(opts)), 1));

    it('a malformed directive earlier on the line does not hide a valid one after it', () => {
      assert.equal(count(deployment({ trailing: '# lintel:ignore bad! # lintel:ignore k8s/privileged-container' })), 0);
      assert.equal(count(deployment({ trailing: '# lintel:ignore bad!' })), 1);
    });

    it('a trailing directive covers its own line only, not the next one', () => {
      const text = deployment().replace('          securityContext:', '          securityContext:  # lintel:ignore k8s/privileged-container');
      assert.equal(count(text), 1);
    });

    it('a suppression in one document does not leak into the next', () => {
      const text = deployment({ aboveObject: '# lintel:ignore k8s/privileged-container' }) + '---\n' + deployment();
      const res = lint(text, rules);
      assert.equal(res.findings.length, 1);
      assert.ok(res.findings[0].range.start.line > deployment().split('\n').length, 'the finding of the second document remains');
    });

    it('a directive above the `---` of a document covers that object', () => {
      const text = deployment() + '# lintel:ignore k8s/privileged-container\n---\n' + deployment();
      assert.equal(lint(text, rules).findings.length, 1, 'only the first object keeps its finding');
    });
  });

  describe('annotations', () => {
    const suppressed: Array<[string, Opts]> = [
      ['lintel.dev/ignore on the object', { objectAnnotations: ['lintel.dev/ignore: "k8s/privileged-container"'] }],
      ['lintel.dev/ignore on the pod template', { podAnnotations: ['lintel.dev/ignore: "k8s/other, k8s/privileged-container"'] }],
      ['lintel.dev/ignore with an alias', { objectAnnotations: ['lintel.dev/ignore: checkov:CKV_K8S_16'] }],
      ['kube-linter ignore-check on the object', { objectAnnotations: ['ignore-check.kube-linter.io/privileged-container: "CNI driver"'] }],
      ['kube-linter ignore-check on the pod template', { podAnnotations: ['ignore-check.kube-linter.io/privileged-container: ""'] }],
      ['kube-score/ignore', { objectAnnotations: ['kube-score/ignore: pod-probes,container-security-context-privileged'] }],
      ['Polaris check exemption', { objectAnnotations: ['polaris.fairwinds.com/runAsPrivileged-exempt: "true"'] }],
      ['Polaris exemption of every check', { objectAnnotations: ['polaris.fairwinds.com/exempt: "true"'] }],
      ['a checkov skip annotation', { objectAnnotations: ['checkov.io/skip1: CKV_K8S_16=needed by the driver'] }],
    ];
    for (const [label, opts] of suppressed) it(`suppresses with ${label}`, () => assert.equal(count(deployment(opts)), 0));

    const kept: Array<[string, Opts]> = [
      ['lintel.dev/ignore of another rule', { objectAnnotations: ['lintel.dev/ignore: k8s/other-rule'] }],
      ['kube-linter ignore-check of another check', { objectAnnotations: ['ignore-check.kube-linter.io/no-liveness-probe: ""'] }],
      ['kube-score/ignore of other checks', { objectAnnotations: ['kube-score/ignore: pod-probes'] }],
      ['a Polaris exemption set to false', { objectAnnotations: ['polaris.fairwinds.com/runAsPrivileged-exempt: "false"'] }],
      ['a Polaris exemption of another check', { objectAnnotations: ['polaris.fairwinds.com/hostNetworkSet-exempt: "true"'] }],
      ['a checkov skip annotation of another check', { objectAnnotations: ['checkov.io/skip2: CKV_K8S_20=elsewhere'] }],
    ];
    for (const [label, opts] of kept) it(`does not suppress with ${label}`, () => assert.equal(count(deployment(opts)), 1));
  });

  describe('checkov comments', () => {
    it('suppresses with # checkov:skip=CKV_K8S_16 anywhere in the object', () => {
      assert.equal(count(deployment({ aboveObject: '# checkov:skip=CKV_K8S_16: needed by the driver' })), 0);
      assert.equal(count(deployment({ inside: '#checkov:skip=CKV_K8S_16' })), 0);
    });

    it('does not suppress with another check id, or from another document', () => {
      assert.equal(count(deployment({ aboveObject: '# checkov:skip=CKV_K8S_20' })), 1);
      const text = deployment({ inside: '# checkov:skip=CKV_K8S_16' }) + '---\n' + deployment();
      assert.equal(lint(text, rules).findings.length, 1);
    });
  });
});

describe('suppression directives are YAML comments only', () => {
  const pod = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: agent',
    'spec:',
    '  containers:',
    '    - name: agent',
    '      image: registry.example.com/agent:1.0.0',
    '      securityContext:',
    '        privileged: true',
  ].join('\n');
  const privileged = (text: string) => lintText(text, { rules: { 'k8s/privileged-container': 'error' } }).findings.filter((f) => f.ruleId === 'k8s/privileged-container').length;

  it('a directive inside a block scalar (a script in a ConfigMap) suppresses nothing', () => {
    const configMap = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: scripts', 'data:', '  run.sh: |', '    # lintel:ignore-file all', '    echo hi', '---', ''].join('\n');
    assert.equal(privileged(configMap + pod), 1);
  });

  it('a directive inside a quoted or plain scalar suppresses nothing', () => {
    assert.equal(privileged(pod.replace('  name: agent', '  name: agent\n  annotations:\n    note: "first line\n      # lintel:ignore-file all\n      last line"')), 1);

  });

  it('the same directive as a comment after a value still suppresses', () => {
    assert.equal(privileged(pod.replace('        privileged: true', '        privileged: true # lintel:ignore k8s/privileged-container -- driver')), 0);
    assert.equal(privileged(pod.replace('  name: agent', '  name: agent # lintel:ignore-file all')), 0);
  });
});
