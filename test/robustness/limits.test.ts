// Resource limits: alias bombs, many aliases, deep nesting and huge files are refused clearly, quickly and without losing other documents.
import assert from 'node:assert/strict';
import { flaggedPods, lint, pod, stream } from './support';

/** Ten levels of nine-fold aliases: 9^10 nodes if expanded (the "billion laughs"). */
function billionLaughs(indent = ''): string {
  const ls = [`${indent}l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
  for (let i = 1; i < 10; i++) ls.push(`${indent}l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  return ls.join('\n') + '\n';
}

/** Runs `fn`, returning its result with the time and heap growth it took. */
function measure<T>(fn: () => T): { value: T; ms: number; heapMB: number } {
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0, heapMB: (process.memoryUsage().heapUsed - heap0) / 1024 / 1024 };
}

// Bounds below are generous on purpose: they separate "bounded" from "runaway" (an expanded bomb
// never finishes; a quadratic pass over 20,000 aliases took 25 s), not fast from slow machines.
describe('robustness: limits', () => {
  it('an alias bomb in a manifest: a clear message, quickly, without expanding it; other documents still linted', () => {
    const bomb = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n${billionLaughs('  ')}`;
    const text = stream(pod('before'), bomb, pod('after'));
    const { value: res, ms, heapMB } = measure(() => lint(text));
    assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
    assert.ok(heapMB < 200, `heap grew ${heapMB.toFixed(0)} MB`);
    const bombErrors = res.errors.filter((e) => /alias/.test(e.message));
    assert.equal(bombErrors.length, 1);
    assert.match(bombErrors[0].message, /aliases would expand to more than 200,000 nodes/);
    const bombLine = text.split('\n').indexOf('apiVersion: v1', 10);
    assert.ok([bombLine - 1, bombLine].includes(bombErrors[0].range!.start.line), 'at the start (or the `---`) of the bomb document');
    assert.deepEqual(flaggedPods(text, res), ['before', 'after']);
  });

  it('an alias bomb that refers to itself is bounded too', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: loop }\ndata: &d\n  a: [*d, *d, *d, *d]\n  b: *d\n`;
    const { value: res, ms } = measure(() => lint(text));
    assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
    assert.deepEqual(res.findings, []);
  });

  it('many plain aliases are read in linear time (not one document search per alias)', () => {
    const env = Array.from({ length: 20_000 }, () => '        - *e\n').join('');
    const text = `apiVersion: v1\nkind: Pod\nmetadata: { name: many }\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext: { privileged: true }\n      env:\n        - &e { name: A, value: b }\n${env}`;
    const { value: res, ms } = measure(() => lint(text));
    assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
    assert.deepEqual(res.errors, []);
    assert.equal(res.findings.length, 1);
  });

  it('directive comments with huge runs of blanks are read in linear time', () => {
    const blanks = ' '.repeat(200_000);
    for (const comment of [`# lintel:ignore k8s/x${blanks}!`, `# lintel:ignore-file a${blanks}b${blanks}!`, `# lintel:ignore a${blanks}-${blanks}--${blanks}`]) {
      const text = pod('p').replace('spec:\n', `spec:\n  ${comment}\n`);
      const { value: res, ms } = measure(() => lint(text));
      assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
      assert.equal(res.findings.length, 1);
    }
  });

  it('text full of unclosed template braces is checked in linear time', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: braces }\ndata:\n  a: "${'{{ x'.repeat(80_000)}"\n`;
    const { value: res, ms } = measure(() => lint(text));
    assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
    assert.deepEqual(res.errors, []);
  });

  it('an alias to a container is followed like the container itself', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: { name: alias }\nspec:\n  initContainers:\n    - &c { name: c, image: "x:1", securityContext: { privileged: true } }\n  containers:\n    - *c\n`;
    const res = lint(text);
    assert.equal(res.findings.length, 2, 'both containers are privileged (the alias finding points at the anchored text)');
  });
});

describe('robustness: deep nesting', () => {
  const configMap = (name: string, data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n${data}`;

  it('100,000 nested flow sequences: a clear message, no crash, the other documents still linted', () => {
    const deep = configMap('deep', `  a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    const text = stream(pod('before'), deep, pod('after'));
    const { value: res, heapMB } = measure(() => lint(text));
    assert.ok(heapMB < 1024, `heap grew ${heapMB.toFixed(0)} MB`);
    const deepErrors = res.errors.filter((e) => /nesting/.test(e.message));
    assert.equal(deepErrors.length, 1, JSON.stringify(res.errors));
    assert.match(deepErrors[0].message, /^YAML nesting is too deep to analyse; document skipped$/);
    assert.equal(deepErrors[0].range!.start.line, 15, 'on the deep value');
    assert.deepEqual(flaggedPods(text, res), ['before', 'after']);
  });

  it('10,000 nested block maps: a clear message, no crash, the other documents still linted', () => {
    let body = '';
    for (let i = 0; i < 10_000; i++) body += `${' '.repeat(i + 2)}k${i}:\n`;
    body += `${' '.repeat(10_002)}leaf: 1\n`;
    const text = stream(pod('before'), configMap('deep', body), pod('after'));
    const res = lint(text);
    const deepErrors = res.errors.filter((e) => /nesting/.test(e.message));
    assert.equal(deepErrors.length, 1, JSON.stringify(res.errors.map((e) => e.message)));
    assert.match(deepErrors[0].message, /too deep to analyse|exceeds 200 levels/);
    assert.deepEqual(flaggedPods(text, res), ['before', 'after']);
    for (const f of res.findings) assert.equal(text.slice(f.start, f.end), 'true', 'offsets of the later document are exact');
  });

  it('nesting past 200 levels (but parsable) is refused for that document', () => {
    for (const deep of [configMap('seqs', `  a: ${'['.repeat(300)}${']'.repeat(300)}\n`), configMap('maps', `  a: ${'{a: '.repeat(300)}1${'}'.repeat(300)}\n`)]) {
      const text = stream(deep, pod('after'));
      const res = lint(text);
      assert.deepEqual(res.errors.map((e) => e.message), ['YAML nesting exceeds 200 levels; document skipped']);
      assert.deepEqual(flaggedPods(text, res), ['after']);
    }
  });

  it('deep nesting in YAML that is not a manifest does not throw', () => {
    assert.doesNotThrow(() => lint(`${'- '.repeat(50_000)}x\n`));
    assert.doesNotThrow(() => lint(`${'['.repeat(100_000)}\n`));
  });
});
