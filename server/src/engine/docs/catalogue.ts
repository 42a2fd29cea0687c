// The rule catalogue as data (for `lintel rules --format json`, exactly the documented fields) and as a Markdown table (docs index, `lintel rules`).
import type { RuleMeta } from '../rule';
import { cell, code, table } from '../format/markdownUtil';
import { ruleDocsUrl } from './links';

export interface CatalogueEntry {
  id: string;
  title: string;
  theme: string;
  severity: string;
  enabledByDefault: boolean;
  fixable: boolean;
  aliases: readonly string[];
  docs: string;
}

export function catalogueEntries(rules: readonly RuleMeta[]): CatalogueEntry[] {
  return sortRules(rules).map((r) => ({
    id: r.id,
    title: r.title,
    theme: r.theme,
    severity: r.severity,
    enabledByDefault: r.enabledByDefault,
    fixable: r.fixable,
    aliases: [...(r.aliases ?? [])],
    docs: ruleDocsUrl(r.id),
  }));
}

/** Markdown table of every rule; `link` gives each rule's page (relative in the repository, absolute elsewhere). */
export function catalogueTable(rules: readonly RuleMeta[], link: (id: string) => string = ruleDocsUrl): string {
  const rows = sortRules(rules).map((r) => [
    `[${code(r.id)}](${link(r.id)})`,
    cell(r.title),
    r.theme,
    r.severity,
    r.enabledByDefault ? 'yes' : 'no',
    r.fixable ? 'yes' : 'no',
  ]);
  return table(['Rule', 'Checks that', 'Theme', 'Severity', 'On by default', 'Fixable'], rows);
}

export function sortRules<R extends RuleMeta>(rules: readonly R[]): R[] {
  return [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
