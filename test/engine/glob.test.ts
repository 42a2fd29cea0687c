// ignorePaths globs: `**`, `*`, `?`, directory patterns, slash-less patterns at any depth; and the host's use of them.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchesGlob } from '../../server/src/engine';
import { ConfigFinder } from '../../server/src/host/configFinder';

describe('glob matching for ignorePaths', () => {
  const cases: Array<[string, string, boolean]> = [
    ['vendor/**', 'vendor/a.yaml', true],
    ['vendor/**', 'vendor/x/y/z.yaml', true],
    ['vendor/**', 'src/vendor/a.yaml', false],
    ['vendor/**', 'vendors/a.yaml', false],
    ['**/test/*.yaml', 'test/a.yaml', true],
    ['**/test/*.yaml', 'a/b/test/c.yaml', true],
    ['**/test/*.yaml', 'a/b/test/d/c.yaml', false],
    ['a/**/b.yaml', 'a/b.yaml', true],
    ['a/**/b.yaml', 'a/x/y/b.yaml', true],
    ['a/**/b.yaml', 'ab/b.yaml', false],
    ['*.yaml', 'deep/down/x.yaml', true],
    ['*.yaml', 'x.yml', false],
    ['*-template.yaml', 'charts/app/svc-template.yaml', true],
    ['x?.yaml', 'x1.yaml', true],
    ['x?.yaml', 'x12.yaml', false],
    ['x?.yaml', 'x/.yaml', false],
    ['./charts/', 'charts/a/b.yaml', true],
    ['charts/', 'charts/a.yaml', true],
    ['charts/*.yaml', 'charts/sub/a.yaml', false],
    ['charts', 'charts/a.yaml', true],
    ['generated', 'deploy/generated/x.yaml', true],
    ['generated', 'deploy/generated-not/x.yaml', false],
    ['a+b(1).yaml', 'a+b(1).yaml', true],
    ['a+b(1).yaml', 'aab1.yaml', false],
    ['k8s/*.yaml', 'k8s/a.yaml', true],
    ['k8s/*.yaml', 'other/k8s/a.yaml', false],
  ];
  for (const [pattern, path, expected] of cases) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(matchesGlob(path, pattern), expected));
  }

  it('more cases: globstars in a row, a trailing `**`, the empty pattern', () => {
    assert.equal(matchesGlob('a/b/c/d.yaml', '**/**/d.yaml'), true);
    assert.equal(matchesGlob('d.yaml', '**/**/d.yaml'), true);
    assert.equal(matchesGlob('a/b/c', 'a/**'), true);
    assert.equal(matchesGlob('a', 'a/**'), false);
    assert.equal(matchesGlob('x/y', 'x**'), true);
    assert.equal(matchesGlob('a/b', ''), false);
  });

  it('a pathological pattern from an untrusted .lintel.yaml cannot hang matching', () => {
    // The regex this used to build backtracked exponentially here (19 s for 40 characters).
    const t0 = performance.now();
    assert.equal(matchesGlob('a'.repeat(2000), '*a*a*a*a*a*a*a*a*a*a*a*a*c'), false);
    assert.equal(matchesGlob(Array(300).fill('a').join('/') + '/b.yml', `${'**/'.repeat(30)}x.yaml`), false);
    assert.ok(performance.now() - t0 < 2000, 'bounded');
  });
});

describe('ConfigFinder.isIgnored (host)', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'lintel-glob-'));
    mkdirSync(join(root, 'vendor', 'x'), { recursive: true });
    mkdirSync(join(root, 'apps', 'web'), { recursive: true });
    writeFileSync(join(root, '.lintel.yaml'), 'ignorePaths: ["vendor/**", "*.generated.yaml"]\n');
    mkdirSync(join(root, 'apps', 'own'), { recursive: true });
    writeFileSync(join(root, 'apps', 'own', '.lintel.yaml'), 'extends: all\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('matches paths relative to the folder of the nearest configuration', () => {
    const finder = new ConfigFinder([]);
    assert.equal(finder.isIgnored(join(root, 'vendor', 'x', 'a.yaml')), true);
    assert.equal(finder.isIgnored(join(root, 'apps', 'web', 'deploy.generated.yaml')), true);
    assert.equal(finder.isIgnored(join(root, 'apps', 'web', 'deploy.yaml')), false);
    assert.equal(finder.forFile(join(root, 'apps', 'web', 'deploy.yaml')).path, join(root, '.lintel.yaml'));
  });

  it('a nearer configuration without ignorePaths wins', () => {
    const finder = new ConfigFinder([]);
    assert.equal(finder.forFile(join(root, 'apps', 'own', 'x.generated.yaml')).config.preset, 'all');
    assert.equal(finder.isIgnored(join(root, 'apps', 'own', 'x.generated.yaml')), false);
  });
});
