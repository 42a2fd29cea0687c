// Renders one rule's documentation page from its metadata and example files (pure; the caller reads the files).
import type { RuleMeta } from '../rule';
import { cell, code, fenced, table } from '../format/markdownUtil';

export interface RuleExample {
  /** File name, e.g. `bad.yaml`; its extension picks the code block language. */
  name: string;
  text: string;
}

export interface RuleExamples { bad?: RuleExample; fixed?: RuleExample; good?: RuleExample }

export function renderRulePage(rule: RuleMeta, examples: RuleExamples): string {
  const out: string[] = [`# ${rule.title}`, '', `Rule ${code(rule.id)}.`, ''];
  const facts: string[][] = [
    ['Severity', rule.severity],
    ['Theme', rule.theme],
    ['Enabled by default', rule.enabledByDefault ? 'yes' : `no (turn it on with ${code(`${rule.id}: ${rule.severity}`)} under ${code('rules:')} in ${code('.lintel.yaml')}, or ${code('extends: all')})`],
    ['Fixable', rule.fixable ? 'yes' : 'no'],
  ];
  if (rule.appliesTo?.kinds?.length) facts.push(['Applies to', rule.appliesTo.kinds.join(', ')]);
  if (rule.workspace) facts.push(['Reads other files', 'yes: the result depends on other objects of the workspace']);
  facts.push(['Aliases', rule.aliases?.length ? rule.aliases.map(code).join(', ') : 'none']);
  out.push(table(['', ''], facts.map(([k, v]) => [k, v])), '');

  out.push('## Why', '', rule.rationale.trim(), '');
  out.push('## How to fix', '', rule.remediation.trim(), '');
  out.push('## Options', '', optionsSection(rule), '');

  out.push('## Examples', '');
  if (examples.bad) {
    out.push('### Bad', '', 'Each finding is marked by a comment line whose carets sit under the reported text.', '', fenced(examples.bad.text, language(examples.bad.name)), '');
  }
  if (examples.fixed) {
    out.push('### Fixed', '', 'The bad example after applying the rule\'s fixes.', '', fenced(examples.fixed.text, language(examples.fixed.name)), '');
  }
  if (examples.good) out.push('### Good', '', fenced(examples.good.text, language(examples.good.name)), '');
  if (!examples.bad && !examples.good) out.push('This rule has no examples yet.', '');

  out.push('## Suppressing', '');
  out.push(`Add ${code(`# lintel:ignore ${rule.id} -- <reason>`)} on the line above the finding (or the object), or the annotation ${code(`lintel.dev/ignore: "${rule.id}"`)} on the object. ` +
    `To turn the rule off for a folder, set ${code(`${rule.id}: off`)} under ${code('rules:')} in its ${code('.lintel.yaml')}.`, '');

  if (rule.references?.length) {
    out.push('## References', '', ...rule.references.map((r) => `- <${r}>`), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function optionsSection(rule: RuleMeta): string {
  const entries = Object.entries(rule.options ?? {});
  if (entries.length === 0) return 'This rule has no options.';
  const props = (rule.optionsSchema?.properties ?? {}) as Record<string, { description?: string }>;
  const described = entries.some(([k]) => props[k]?.description);
  const rows = entries.map(([k, v]) => [code(k), code(JSON.stringify(v)), ...(described ? [cell(props[k]?.description ?? '')] : [])]);
  const header = described ? ['Option', 'Default', 'Meaning'] : ['Option', 'Default'];
  const example = `rules:\n  ${rule.id}:\n    options:\n${entries.map(([k, v]) => `      ${k}: ${JSON.stringify(v)}`).join('\n')}\n`;
  return `${table(header, rows)}\n\nSet them in ${code('.lintel.yaml')}:\n\n${fenced(example, 'yaml')}`;
}

function language(name: string): string {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return ({ yaml: 'yaml', yml: 'yaml', json: 'json', tf: 'hcl', tfvars: 'hcl' } as Record<string, string>)[ext] ?? '';
}
