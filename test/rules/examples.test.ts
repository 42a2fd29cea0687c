// Every rule folder's examples: good is clean, bad gives exactly the annotated findings, fixes give bad.fixed (where only unfixable findings remain).
import assert from 'node:assert/strict';
import { ALL_RULES } from '../../rules';
import { EffectiveConfig, fixAll, lintFile, Workspace } from '../../server/src/engine';
import { examples, expectedFindings, ruleFolders } from '../helpers/ruleExamples';

const config = new EffectiveConfig({ extends: 'all' }, ALL_RULES);

function lintOne(id: string, name: string, text: string) {
  const ws = new Workspace();
  const uri = `file:///examples/${id}/${name}`;
  ws.set(uri, text);
  const result = lintFile(ws, uri, config, ALL_RULES, { only: new Set([id]) });
  return { ws, uri, result };
}

describe('rule examples', () => {
  for (const folder of ruleFolders()) {
    describe(folder.id, () => {
      const rule = ALL_RULES.find((r) => r.id === folder.id);
      const ex = examples(folder);

      it('has good and bad examples', () => {
        assert.ok(rule, 'rule is registered');
        assert.ok(ex.good, 'examples/good.* exists');
        assert.ok(ex.bad, 'examples/bad.* exists');
      });

      it('good example parses and has no finding', () => {
        const { result } = lintOne(folder.id, ex.good!.name, ex.good!.text);
        assert.deepEqual(result.errors.filter((e) => e.severity === 'error'), []);
        assert.deepEqual(result.findings.map((f) => `${f.range.start.line + 1}: ${f.message}`), []);
      });

      it('bad example gives exactly the annotated findings', () => {
        const expected = expectedFindings(ex.bad!.text).filter((e) => e.ruleId === folder.id);
        assert.ok(expected.length > 0, 'bad example annotates at least one finding');
        const { result } = lintOne(folder.id, ex.bad!.name, ex.bad!.text);
        assert.deepEqual(result.errors.filter((e) => e.severity === 'error'), []);
        const actual = result.findings.map((f) => ({
          ruleId: f.ruleId, line: f.range.start.line, startCol: f.range.start.character,
          endCol: f.range.end.line === f.range.start.line ? f.range.end.character : -1,
        }));
        const fmt = (x: { line: number; startCol: number; endCol: number }) => `line ${x.line + 1} col ${x.startCol + 1}-${x.endCol + 1}`;
        assert.deepEqual(actual.map(fmt).sort(), expected.map(fmt).sort());
      });

      it('fixes turn bad into bad.fixed, which parses and is clean', () => {
        const { ws, uri, result } = lintOne(folder.id, ex.bad!.name, ex.bad!.text);
        const hasFix = result.findings.some((f) => f.fixes.length > 0);
        assert.equal(!!ex.fixed, rule!.fixable, `fixable: ${rule!.fixable} must match whether bad.fixed exists`);
        assert.equal(hasFix, rule!.fixable, 'fixable rules offer a fix on the bad example, others none');
        if (!ex.fixed) return;
        // Every edit stays inside the document of the object it fixes.
        const file = ws.get(uri)!;
        for (const f of result.findings) {
          const doc = file.yaml!.docs.find((d) => d.start <= f.start && f.start <= d.end)!;
          for (const fix of f.fixes) for (const e of fix.edits) {
            assert.ok(e.start >= doc.start && e.end <= doc.end, `${fix.title}: edit ${e.start}-${e.end} leaves its document ${doc.start}-${doc.end}`);
          }
        }
        const fixed = fixAll(ws, uri, config, ALL_RULES, { only: new Set([folder.id]), safeOnly: false });
        assert.equal(fixed.text, ex.fixed.text);
        const after = lintOne(folder.id, ex.fixed.name, ex.fixed.text).result;
        assert.deepEqual(after.errors.filter((e) => e.severity === 'error'), []);
        // Only the findings that had no fix may remain (a bad example can show unfixable cases too).
        const unfixable = result.findings.filter((f) => f.fixes.length === 0).map((f) => f.message).sort();
        assert.deepEqual(after.findings.map((f) => f.message).sort(), unfixable);
      });
    });
  }
});
