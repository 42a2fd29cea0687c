// Developer aid: runs chosen rules over a folder (default: the shared Kubernetes corpus) and prints findings.
// Usage: tsx scripts/dev-scan.ts [--dir DIR] [rule-id-prefix ...]
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_RULES } from '../rules';
import { EffectiveConfig, lintFile, Workspace } from '../server/src/engine';
import { walkFiles } from '../server/src/host/files';

const args = process.argv.slice(2);
const dirIdx = args.indexOf('--dir');
const dir = dirIdx >= 0 ? args.splice(dirIdx, 2)[1] : join(__dirname, '..', '..', 'shared', 'corpus', 'kubernetes');
const prefixes = args;
const files = walkFiles([dir]).files.filter((f) => statSync(f).size < 5 * 1024 * 1024);
const ws = new Workspace();
for (const f of files) ws.set(pathToFileURL(f).toString(), readFileSync(f, 'utf8'));
const config = new EffectiveConfig({ extends: 'all' }, ALL_RULES);
const only = new Set(ALL_RULES.filter((r) => prefixes.length === 0 || prefixes.some((p) => r.id.startsWith(p))).map((r) => r.id));
const counts = new Map<string, number>();
for (const f of files) {
  const uri = pathToFileURL(f).toString();
  const res = lintFile(ws, uri, config, ALL_RULES, { only });
  for (const x of res.findings) {
    counts.set(x.ruleId, (counts.get(x.ruleId) ?? 0) + 1);
    console.log(`${relative(dir, f)}:${x.range.start.line + 1}:${x.range.start.character + 1} ${x.ruleId} ${x.message}`);
  }
  for (const e of res.errors) console.log(`${relative(dir, f)}: [${e.severity}] ${e.message}`);
}
console.log('\nfindings per rule:');
for (const [k, v] of [...counts].sort()) console.log(`  ${k}: ${v}`);
