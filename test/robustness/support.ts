// Shared inputs for the robustness suites: a privileged Pod (one finding) and stream helpers.
import { ruleById } from '../helpers/engine';
import { EffectiveConfig, lintFile, Workspace, type LintResult } from '../../server/src/engine';

export const URI = 'file:///work/robust.yaml';
export const RULES = [ruleById('k8s/privileged-container')];

/** A Pod with one privileged container: exactly one finding of the rule above. */
export function pod(name: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext: { privileged: true }\n`;
}

/** Documents joined into one stream. */
export function stream(...docs: string[]): string {
  return docs.map((d) => (d.endsWith('\n') ? d : d + '\n')).join('---\n');
}

export function lint(text: string, uri = URI): LintResult {
  const ws = new Workspace();
  ws.set(uri, text);
  return lintFile(ws, uri, new EffectiveConfig({ extends: 'all' }, RULES), RULES);
}

/** Names of the pods that got a finding, in order. */
export function flaggedPods(text: string, res: LintResult): string[] {
  return res.findings.map((f) => {
    const before = text.slice(0, f.start);
    const m = [...before.matchAll(/name: (\S+)\n/g)].filter((x) => !x[1].startsWith('c'));
    return m.length ? m[m.length - 1][1] : '?';
  });
}
