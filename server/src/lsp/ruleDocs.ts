// Rule documentation for editors: the docs URL and the engine's page for the rule (as in docs/rules), rendered from its metadata.
import { renderRulePage, ruleDocsUrl, type Rule } from '../engine';
import type { RuleDocsResult, RuleSummary } from './protocol';

export function ruleSummaries(rules: readonly Rule[]): RuleSummary[] {
  return rules
    .map((r) => ({ id: r.id, title: r.title, severity: r.severity, theme: r.theme, enabledByDefault: r.enabledByDefault }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function findRule(rules: readonly Rule[], idOrAlias: string): Rule | undefined {
  return rules.find((r) => r.id === idOrAlias) ?? rules.find((r) => r.aliases?.includes(idOrAlias));
}

/** What the engine's page says when it is given no examples; the server has none at runtime. */
const NO_EXAMPLES = '## Examples\n\nThis rule has no examples yet.\n';

/**
 * The rule's page as docs/rules has it, rendered by the engine from the rule's metadata. The
 * example files are not shipped with the server: the Examples section points to the online page.
 */
export function ruleDocs(rule: Rule): RuleDocsResult {
  const url = ruleDocsUrl(rule.id);
  const page = renderRulePage(rule, {});
  const markdown = page.replace(NO_EXAMPLES, () => `## Examples\n\nBad and fixed examples are on the [online page](${url}).\n`);
  return { ruleId: rule.id, title: rule.title, url, markdown };
}
