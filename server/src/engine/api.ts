// Everything a rule may use: defineRule, node readers, kind groups, selectors. Rules import this module only.
export { defineRule, type K8sContext, type K8sRule, type Rule, type RuleMeta, type ReportInput } from './rule';
export { asMap, asSeq, bool, deref, getIn, getNode, getPair, hasKey, isNullish, keyText, mapEntries, num, seqItems, str, stringMap, type YMap, type YNode, type YSeq, type YPair } from './parse/yamlNodes';
export * from './model/kubernetes/kinds';
export type { Container, K8sObject, PodTemplate } from './model/kubernetes/object';
export { K8sWorkspaceView } from './model/kubernetes/workspaceView';
export { matchLabelSelector, matchPlainSelector, isEmptySelector, type Tri } from './model/kubernetes/selectors';
export { PLACEHOLDER } from './edit/placeholder';
export { renderScalar as yamlScalar, renderFlow as yamlFlow } from './edit/yamlRender';
