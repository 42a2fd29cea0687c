// Exit codes of lintel scan for every --fail-on level, and usage errors (exit 2 with a clear message).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cleanup, FIXTURES, lintel, onlyRules, tempDir, write } from './cli';

const PRIVILEGED = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: c
      image: example/c:1.0
      securityContext:
        privileged: true
`;
const CLEAN = PRIVILEGED.replace('privileged: true', 'privileged: false');

describe('lintel scan exit codes', () => {
  let dir: string;
  before(() => {
    dir = tempDir();
    write(dir, 'bad/pod.yaml', PRIVILEGED);
    write(dir, 'clean/pod.yaml', CLEAN);
    for (const sev of ['error', 'warning', 'info'] as const) write(dir, `${sev}.yaml`, onlyRules({ 'k8s/privileged-container': sev }));
  });
  after(() => cleanup(dir));

  const RANK = { info: 1, warning: 2, error: 3 } as const;
  for (const severity of ['error', 'warning', 'info'] as const) {
    for (const failOn of ['error', 'warning', 'info', 'never'] as const) {
      const expected = failOn !== 'never' && RANK[severity] >= RANK[failOn] ? 1 : 0;
      it(`a ${severity} finding with --fail-on ${failOn} exits ${expected}`, () => {
        const r = lintel(['scan', 'bad', '--config', `${severity}.yaml`, '--fail-on', failOn], { cwd: dir });
        assert.equal(r.code, expected, r.stderr + r.stdout);
        assert.match(r.stdout, /k8s\/privileged-container/);
      });
    }
  }

  it('fails on errors by default, not on warnings', () => {
    assert.equal(lintel(['scan', 'bad', '--config', 'error.yaml'], { cwd: dir }).code, 1);
    assert.equal(lintel(['scan', 'bad', '--config', 'warning.yaml'], { cwd: dir }).code, 0);
  });

  for (const failOn of ['error', 'warning', 'info', 'never']) {
    it(`a clean folder exits 0 with --fail-on ${failOn}`, () => {
      const r = lintel(['scan', 'clean', '--config', 'info.yaml', '--fail-on', failOn], { cwd: dir });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /No findings in 1 file\./);
    });
  }
});

describe('lintel usage errors', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['an unknown option', ['scan', '--frobnicate'], /unknown option --frobnicate/],
    ['an unknown short option', ['scan', '-x'], /unknown option -x/],
    ['an unknown command', ['lint', '.'], /unknown command "lint"/],
    ['an unknown top-level option', ['--frobnicate'], /unknown option --frobnicate/],
    ['an invalid format', ['scan', '--format', 'xml'], /invalid value "xml" for --format \(expected text, json, sarif, markdown\)/],
    ['an invalid fail level', ['scan', '--fail-on', 'critical'], /invalid value "critical" for --fail-on/],
    ['a missing option value', ['scan', '--output'], /option --output needs a value/],
    ['a value for a switch', ['fix', '--dry-run=yes'], /option --dry-run takes no value/],
    ['a missing configuration file', ['scan', '--config', 'no-such-config.yaml'], /configuration file not found: no-such-config\.yaml/],
    ['a missing path', ['scan', 'no/such/folder'], /no such file or folder: no\/such\/folder/],
    ['an unknown rules format', ['rules', '--format', 'sarif'], /invalid value "sarif" for --format/],
    ['standard input for fix', ['fix', '-'], /lintel fix works on files/],
  ];
  for (const [what, args, message] of cases) {
    it(`exits 2 on ${what}`, () => {
      const r = lintel(args, { cwd: FIXTURES });
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /Run "lintel --help" for usage\./);
      assert.equal(r.stdout, '');
    });
  }

  it('prints the usage and exits 2 without a command', () => {
    const r = lintel([]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Usage:/);
  });

  it('--help prints the usage with the exit codes and exits 0', () => {
    const r = lintel(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /lintel scan \[paths\.\.\.\]/);
    assert.match(r.stdout, /Exit codes:/);
    for (const cmd of ['scan', 'fix', 'rules']) {
      const c = lintel([cmd, '--help']);
      assert.equal(c.code, 0);
      assert.match(c.stdout, new RegExp(`Usage: lintel ${cmd}`));
    }
  });

  it('--version prints the package version', () => {
    const r = lintel(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), require(join(__dirname, '..', '..', 'package.json')).version);
  });
});
