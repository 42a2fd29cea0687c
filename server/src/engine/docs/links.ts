// Where each rule's documentation lives: generated pages in the repository's docs/rules folder.
export const DOCS_BASE_URL = 'https://github.com/lintel-dev/lintel/blob/main/docs/rules';

/** `k8s/privileged-container` → `…/docs/rules/k8s/privileged-container.md`. */
export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}/${ruleId}.md`;
}
