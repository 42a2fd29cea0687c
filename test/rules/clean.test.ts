// Manifests that follow every practice Lintel checks must produce no finding with the default rules.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../helpers/engine';

const dir = join(__dirname, '..', 'fixtures', 'clean');

describe('clean manifests stay clean (recommended rules)', () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    it(name, () => {
      const result = lintText(readFileSync(join(dir, name), 'utf8'), {}, `file:///clean/${name}`);
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.message}`), []);
    });
  }
});
