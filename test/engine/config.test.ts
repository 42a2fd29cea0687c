// Configuration: loading and validating .lintel.yaml (ranges on bad nodes), presets, per-rule settings, aliases.
import assert from 'node:assert/strict';
import { EffectiveConfig, LineIndex, loadConfig } from '../../server/src/engine';
import { testRule } from './support';

const CFG = 'file:///work/.lintel.yaml';
const noop = () => undefined;
const onError = testRule('k8s/test-error', noop, { severity: 'error', aliases: ['checkov:CKV_K8S_99', 'kube-linter:test-error'] });
const onWarning = testRule('k8s/test-warning', noop, { severity: 'warning' });
const offInfo = testRule('k8s/test-disputed', noop, { severity: 'info', enabledByDefault: false });
const withOptions = testRule('k8s/test-options', noop, {
  options: { limit: 3, names: ['a'] },
  optionsSchema: { type: 'object', properties: { limit: { type: 'integer', minimum: 0 }, names: { type: 'array', items: { type: 'string' } } }, additionalProperties: false },
});
const RULES = [onError, onWarning, offInfo, withOptions];

/** The text an error's range covers. */
function rangeText(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } } | undefined): string {
  assert.ok(range, 'the error has a range');
  const idx = new LineIndex(text);
  return text.slice(idx.offset(range.start), idx.offset(range.end));
}

describe('configuration', () => {
  describe('loading', () => {
    it('reads a valid file without errors', () => {
      const text = 'extends: strict\nrules:\n  k8s/test-warning: info\nignorePaths: ["vendor/**"]\nkubernetesVersion: v1.29\nmaxFileSizeMB: 2\n';
      const { config, errors } = loadConfig(CFG, text, RULES);
      assert.deepEqual(errors, []);
      assert.equal(config.preset, 'strict');
      assert.deepEqual(config.ignorePaths, ['vendor/**']);
      assert.equal(config.kubernetesVersion, '1.29', 'a leading v is dropped');
      assert.equal(config.maxFileBytes, 2 * 1024 * 1024);
      assert.equal(config.setting(onWarning)?.severity, 'info');
    });

    it('an empty file or a file of comments is the default configuration', () => {
      for (const text of ['', '# nothing yet\n']) {
        const { config, errors } = loadConfig(CFG, text, RULES);
        assert.deepEqual(errors, []);
        assert.equal(config.preset, 'recommended');
      }
    });

    it('invalid YAML: one error with a range, defaults used', () => {
      const text = 'extends: all\nrules: [k8s/test-error: off\n';
      const { config, errors } = loadConfig(CFG, text, RULES);
      assert.equal(errors.length, 1);
      assert.equal(errors[0].severity, 'error');
      assert.match(errors[0].message, /not valid YAML.*using the default configuration/);
      assert.ok(errors[0].range && errors[0].range.start.line >= 1);
      assert.equal(config.preset, 'recommended', 'nothing of the broken file is used');
    });

    it('duplicate keys are invalid YAML', () => {
      const { errors } = loadConfig(CFG, 'extends: all\nextends: strict\n', RULES);
      assert.equal(errors.length, 1);
      assert.match(errors[0].message, /unique/);
      assert.deepEqual(errors[0].range?.start, { line: 1, character: 0 }, 'on the second key');
    });

    const schemaCases: Array<[string, string, string, RegExp]> = [
      ['a bad preset', 'extends: everything\n', 'everything', /`extends`.*allowed: recommended, strict, all/],
      ['a bad severity', 'rules:\n  k8s/test-error: loud\n', 'loud', /`rules\.k8s\/test-error`/],
      ['a bad kubernetesVersion', 'kubernetesVersion: "2.0"\n', '"2.0"', /`kubernetesVersion`/],
      ['ignorePaths not a list', 'ignorePaths: vendor\n', 'vendor', /`ignorePaths`.*array/],
      ['a bad nested severity', 'rules:\n  k8s/test-error:\n    severity: loud\n', 'loud', /`rules\.k8s\/test-error/],
    ];
    for (const [label, text, bad, message] of schemaCases) {
      it(`schema violation (${label}): an error on the bad node, defaults used`, () => {
        const { config, errors } = loadConfig(CFG, text, RULES);
        assert.equal(errors.length, 1, JSON.stringify(errors));
        assert.match(errors[0].message, message);
        assert.match(errors[0].message, /using the default configuration/);
        const covered = rangeText(text, errors[0].range);
        assert.ok(covered.includes(bad) && covered.length <= bad.length + 40, `range covers ${JSON.stringify(covered)}`);
        assert.equal(config.preset, 'recommended');
      });
    }

    it('an unknown top-level key: an error on that key', () => {
      const text = 'extends: all\nrulez:\n  a: off\n';
      const { errors } = loadConfig(CFG, text, RULES);
      assert.equal(errors.length, 1);
      assert.match(errors[0].message, /`rulez`/);
      assert.equal(rangeText(text, errors[0].range), 'rulez');
      const nested = 'terraform:\n  varFile: [a.tfvars]\n';
      const second = loadConfig(CFG, nested, RULES).errors;
      assert.equal(rangeText(nested, second[0].range), 'varFile');
    });

    it('an unknown rule: a warning on its key, the rest still applies', () => {
      const text = 'extends: all\nrules:\n  k8s/no-such-rule: off\n  k8s/test-error: warning\n';
      const { config, errors } = loadConfig(CFG, text, RULES);
      assert.equal(errors.length, 1);
      assert.equal(errors[0].severity, 'warning');
      assert.match(errors[0].message, /unknown rule `k8s\/no-such-rule`/);
      assert.equal(rangeText(text, errors[0].range), 'k8s/no-such-rule');
      assert.equal(config.preset, 'all');
      assert.equal(config.setting(onError)?.severity, 'warning');
    });

    it('rule aliases are accepted as keys', () => {
      const text = 'rules:\n  checkov:CKV_K8S_99: off\n';
      const { config, errors } = loadConfig(CFG, text, RULES);
      assert.deepEqual(errors, []);
      assert.equal(config.setting(onError), undefined);
    });

    it('options that break the rule\'s options schema: an error on them, the rule keeps its defaults, the rest applies', () => {
      const text = 'extends: all\nrules:\n  k8s/test-options:\n    options: { limit: many }\n  k8s/test-error: info\n';
      const { config, errors } = loadConfig(CFG, text, RULES);
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.match(errors[0].message, /k8s\/test-options/);
      assert.match(errors[0].message, /limit/);
      assert.equal(rangeText(text, errors[0].range), 'many');
      assert.deepEqual(config.setting(withOptions)?.options, { limit: 3, names: ['a'] });
      assert.equal(config.setting(onError)?.severity, 'info');
      assert.equal(config.preset, 'all');
    });

    it('valid options pass the rule\'s schema', () => {
      const { config, errors } = loadConfig(CFG, 'rules:\n  k8s/test-options:\n    options: { limit: 7 }\n', RULES);
      assert.deepEqual(errors, []);
      assert.deepEqual(config.setting(withOptions)?.options, { limit: 7, names: ['a'] });
    });

    it('an alias bomb in the configuration is refused', () => {
      const text = 'a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n';
      const { config, errors } = loadConfig(CFG, text, RULES);
      assert.equal(errors.length, 1);
      assert.equal(config.preset, 'recommended');
    });
  });

  describe('effective settings', () => {
    it('recommended: rules on by default at their own severity, disputed ones off', () => {
      const c = new EffectiveConfig({}, RULES);
      assert.equal(c.setting(onError)?.severity, 'error');
      assert.equal(c.setting(onWarning)?.severity, 'warning');
      assert.equal(c.setting(offInfo), undefined);
    });

    it('strict: warnings become errors; disputed rules stay off', () => {
      const c = new EffectiveConfig({ extends: 'strict' }, RULES);
      assert.equal(c.setting(onWarning)?.severity, 'error');
      assert.equal(c.setting(offInfo), undefined);
    });

    it('all: every rule on, at its own severity', () => {
      const c = new EffectiveConfig({ extends: 'all' }, RULES);
      assert.equal(c.setting(offInfo)?.severity, 'info');
      assert.equal(c.setting(onWarning)?.severity, 'warning');
    });

    it('per rule: off, a severity, an object with severity and options', () => {
      const c = new EffectiveConfig({ extends: 'all', rules: { 'k8s/test-error': 'off', 'k8s/test-disputed': 'error', 'k8s/test-options': { severity: 'info', options: { limit: 9 } } } }, RULES);
      assert.equal(c.setting(onError), undefined);
      assert.equal(c.setting(offInfo)?.severity, 'error');
      assert.deepEqual(c.setting(withOptions), { severity: 'info', options: { limit: 9, names: ['a'] }, explicit: true });
    });

    it('options alone turn on a rule that is off by default', () => {
      const rule = { ...offInfo, options: { n: 1 } };
      assert.deepEqual(new EffectiveConfig({ rules: { 'k8s/test-disputed': { options: { n: 2 } } } }, [rule]).setting(rule), { severity: 'info', options: { n: 2 }, explicit: false });
    });

    it('an alias key configures its rule', () => {
      const c = new EffectiveConfig({ rules: { 'kube-linter:test-error': 'info' } }, RULES);
      assert.equal(c.setting(onError)?.severity, 'info');
    });

    it('defaults: Kubernetes version and file size limit', () => {
      const c = new EffectiveConfig({}, RULES);
      assert.match(c.kubernetesVersion, /^1\.\d+$/);
      assert.equal(c.maxFileBytes, 5 * 1024 * 1024);
    });
  });
});
