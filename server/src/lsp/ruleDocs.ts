// Rule documentation for editors: the docs URL and a markdown page built from the rule's metadata.
import { ruleDocsUrl, type Rule } from '../engine';
import type { RuleDocsResult, RuleSummary } from './protocol';

export function ruleSummaries(rules: readonly Rule[]): RuleSummary[] {
  return rules
    .map((r) => ({ id: r.id, title: r.title, severity: r.severity, theme: r.theme, enabledByDefault: r.enabledByDefault }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function findRule(rules: readonly Rule[], idOrAlias: string): Rule | undefined {
  return rules.find((r) => r.id === idOrAlias) ?? rules.find((r) => r.aliases?.includes(idOrAlias));
}

export function ruleDocs(rule: Rule): RuleDocsResult {
  const url = ruleDocsUrl(rule.id);
  const facts = [
    `**Severity:** ${rule.severity}`,
    `**Theme:** ${rule.theme}`,
    `**Enabled by default:** ${rule.enabledByDefault ? 'yes' : 'no'}`,
    `**Fixable:** ${rule.fixable ? 'yes' : 'no'}`,
  ];
  if (rule.appliesTo?.kinds?.length) facts.push(`**Applies to:** ${rule.appliesTo.kinds.join(', ')}`);
  if (rule.aliases?.length) facts.push(`**Also known as:** ${rule.aliases.map((a) => `\`${a}\``).join(', ')}`);
  const parts = [
    `# ${rule.title}`,
    `\`${rule.id}\``,
    facts.join('  \n'),
    '## Why',
    rule.rationale,
    '## How to fix',
    rule.remediation,
    '## Suppressing',
    `On the line above the finding: \`# lintel:ignore ${rule.id} -- reason\`. For a whole object: the annotation \`lintel.dev/ignore: "${rule.id}"\`. For a file: \`# lintel:ignore-file ${rule.id}\`. For a project: \`rules: { ${rule.id}: off }\` in \`.lintel.yaml\`.`,
  ];
  if (rule.options && Object.keys(rule.options).length) {
    parts.push('## Options', '```yaml', `rules:\n  ${rule.id}:\n    options:\n${Object.entries(rule.options).map(([k, v]) => `      ${k}: ${JSON.stringify(v)}`).join('\n')}`, '```');
  }
  if (rule.references?.length) parts.push('## References', rule.references.map((r) => `- <${r}>`).join('\n'));
  parts.push(`[Online documentation](${url})`);
  return { ruleId: rule.id, title: rule.title, url, markdown: parts.join('\n\n') + '\n' };
}
