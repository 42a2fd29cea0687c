// Loads rule folders and their examples, and reads the caret annotations that mark expected findings.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const RULES_DIR = join(__dirname, '..', '..', 'rules');
export const PACK_PREFIX: Record<string, string> = { kubernetes: 'k8s' };

export interface RuleFolder { pack: string; name: string; dir: string; id: string }

export function ruleFolders(): RuleFolder[] {
  const out: RuleFolder[] = [];
  for (const pack of readdirSync(RULES_DIR, { withFileTypes: true })) {
    if (!pack.isDirectory()) continue;
    for (const d of readdirSync(join(RULES_DIR, pack.name), { withFileTypes: true })) {
      if (!d.isDirectory()) continue;
      const dir = join(RULES_DIR, pack.name, d.name);
      if (!existsSync(join(dir, 'rule.ts'))) continue;
      out.push({ pack: pack.name, name: d.name, dir, id: `${PACK_PREFIX[pack.name] ?? pack.name}/${d.name}` });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

export interface Example { name: string; path: string; text: string }

/** good.*, bad.* and bad.fixed.* of a rule folder (any extension). */
export function examples(folder: RuleFolder): { good?: Example; bad?: Example; fixed?: Example } {
  const dir = join(folder.dir, 'examples');
  if (!existsSync(dir)) return {};
  const files = readdirSync(dir);
  const pick = (re: RegExp) => {
    const f = files.find((x) => re.test(x));
    return f ? { name: f, path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') } : undefined;
  };
  return { good: pick(/^good\.[a-z.]+$/), bad: pick(/^bad\.(?!fixed\.)[a-z]+$/), fixed: pick(/^bad\.fixed\.[a-z]+$/) };
}

export interface Expected { ruleId: string; line: number; startCol: number; endCol: number }

const ANNOTATION = /^(\s*)(#|\/\/)(\s*)(\^+)\s+([A-Za-z0-9_\-/]+)\s*$/;

/** Caret annotations: `#   ^^^^ rule-id` marks columns on the nearest line above that is not an annotation. */
export function expectedFindings(text: string): Expected[] {
  const lines = text.split(/\r?\n/);
  const out: Expected[] = [];
  let target = -1;
  lines.forEach((line, i) => {
    const m = ANNOTATION.exec(line);
    if (!m) { target = i; return; }
    const startCol = line.indexOf('^');
    out.push({ ruleId: m[5], line: target, startCol, endCol: startCol + m[4].length });
  });
  return out;
}
