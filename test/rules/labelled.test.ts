// Independent labelled set: realistic bad manifests (each with one intended problem) and clean manifests,
// linted one file at a time with the default configuration. Recall and clean rate must stay above thresholds.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ALL_RULES } from '../../rules';
import type { LintResult } from '../../server/src/engine';
import { lintText } from '../helpers/engine';

const root = join(__dirname, '..', 'fixtures', 'labelled');
const MIN_RECALL = 0.9;
const MIN_CLEAN_RATE = 0.95;

interface Labels {
  bad: Record<string, string[]>;
  clean: string[];
}

const labels = parse(readFileSync(join(root, 'labels.yaml'), 'utf8')) as Labels;
const manifests = (dir: string) => readdirSync(join(root, dir)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();

/** Lint one file on its own (as if it were the only file opened), with the default configuration. */
function lintAlone(dir: 'bad' | 'clean', name: string): LintResult {
  return lintText(readFileSync(join(root, dir, name), 'utf8'), {}, `file:///labelled/${dir}/${name}`);
}

const where = (r: LintResult, i: number) => {
  const f = r.findings[i];
  return `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}: ${f.message}`;
};
const describeResult = (r: LintResult) => [
  ...r.findings.map((_, i) => `      ${where(r, i)}`),
  ...r.errors.map((e) => `      [file ${e.severity}] ${e.message}`),
];

describe('labelled manifests (independent set, default rules, one file at a time)', () => {
  it('labels.yaml and the fixture folders agree, and every label names a rule enabled by default', () => {
    assert.deepEqual(manifests('bad'), Object.keys(labels.bad).sort(), 'bad/ files vs labels.yaml bad:');
    assert.deepEqual(manifests('clean'), [...labels.clean].sort(), 'clean/ files vs labels.yaml clean:');
    const enabled = new Set(ALL_RULES.filter((r) => r.enabledByDefault).map((r) => r.id));
    for (const [file, ids] of Object.entries(labels.bad)) {
      assert.ok(Array.isArray(ids) && ids.length > 0, `${file}: at least one rule id`);
      for (const id of ids) assert.ok(enabled.has(id), `${file}: ${id} is not a rule enabled by default`);
    }
    // The defaults must apply: no configuration file inside the labelled folder.
    for (const dir of ['', 'bad', 'clean']) {
      for (const cfg of ['.lintel.yaml', '.lintel.yml', '.lintel.json']) {
        assert.ok(!existsSync(join(root, dir, cfg)), `unexpected ${join(dir, cfg)}`);
      }
    }
  });

  it(`recall >= ${MIN_RECALL} on bad manifests and clean rate >= ${MIN_CLEAN_RATE} on clean manifests`, () => {
    const misses: string[] = [];
    let hits = 0;
    for (const [file, ids] of Object.entries(labels.bad)) {
      const result = lintAlone('bad', file);
      const reported = new Set(result.findings.map((f) => f.ruleId));
      const missing = ids.filter((id) => !reported.has(id));
      if (missing.length === 0) {
        hits++;
        continue;
      }
      const got = describeResult(result);
      misses.push(`  MISS bad/${file}: expected ${missing.join(', ')}; reported instead:\n${got.length ? got.join('\n') : '      (nothing)'}`);
    }

    const falseAlarms: string[] = [];
    let clean = 0;
    for (const file of labels.clean) {
      const result = lintAlone('clean', file);
      if (result.findings.length === 0 && result.errors.length === 0) {
        clean++;
        continue;
      }
      falseAlarms.push(`  FALSE ALARM clean/${file}:\n${describeResult(result).join('\n')}`);
    }

    const bad = Object.keys(labels.bad).length;
    const recall = hits / bad;
    const cleanRate = clean / labels.clean.length;
    const report = [
      `recall ${hits}/${bad} = ${recall.toFixed(3)} (min ${MIN_RECALL}); clean rate ${clean}/${labels.clean.length} = ${cleanRate.toFixed(3)} (min ${MIN_CLEAN_RATE})`,
      ...misses,
      ...falseAlarms,
    ].join('\n');
    if (misses.length || falseAlarms.length) console.log(report);
    assert.ok(recall >= MIN_RECALL && cleanRate >= MIN_CLEAN_RATE, report);
  });
});
