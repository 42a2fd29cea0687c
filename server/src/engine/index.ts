// Public surface of the engine for its hosts (language server, CLI, tests).
export * from './types';
export { LineIndex } from './text/lineIndex';
export { decodeFileBytes } from './text/decode';
export { Workspace, fileLanguage, type AnalyzedFile } from './workspace';
export { lintFile, type LintOptions } from './runner';
export { fixAll, type FixAllResult } from './fixAll';
export { applyEdits, minimalEdit, selectNonOverlapping } from './edit/apply';
export { EffectiveConfig, DEFAULT_KUBERNETES_VERSION, type LintelConfigFile } from './config/config';
export { loadConfig, CONFIG_FILE_NAMES } from './config/load';
export { matchesGlob } from './config/glob';
export type { Rule, RuleMeta } from './rule';
export { ruleDocsUrl, DOCS_BASE_URL } from './docs/links';
export { formatReport, formatText, formatJson, formatSarif, formatMarkdown, collectReport, REPORT_FORMATS, type ReportFormat, type ReportData } from './format';
export { renderRulePage, type RuleExample, type RuleExamples } from './docs/rulePage';
export { catalogueEntries, catalogueTable, type CatalogueEntry } from './docs/catalogue';
export { YamlEditor } from './edit/yaml';
export { IGNORE_ANNOTATION } from './suppressions';
export type { K8sObject } from './model/kubernetes/object';
