// Lintel: Show Rule Documentation — the rule under the cursor, or one picked from the catalogue.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE, Methods, type RuleDocsParams, type RuleDocsResult, type RuleSummary } from '../../../server/src/lsp/protocol';
import type { RuleDocsView } from '../ruleDocsView';

/** The rule of the first Lintel diagnostic under the cursor of the active editor. */
export function ruleUnderCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const pos = editor.selection.active;
  for (const d of vscode.languages.getDiagnostics(editor.document.uri)) {
    if (d.source !== DIAGNOSTIC_SOURCE || !d.range.contains(pos)) continue;
    const code = typeof d.code === 'object' ? d.code.value : d.code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

async function pickRule(client: LanguageClient): Promise<string | undefined> {
  const rules = await client.sendRequest<RuleSummary[]>(Methods.listRules, {});
  const pick = await vscode.window.showQuickPick(
    rules.map((r) => ({ label: r.id, description: r.title, detail: `${r.severity} · ${r.theme}${r.enabledByDefault ? '' : ' · off by default'}` })),
    { placeHolder: 'Show the documentation of a Lintel rule', matchOnDescription: true },
  );
  return pick?.label;
}

export async function showRuleDocumentation(client: LanguageClient, view: RuleDocsView, ruleId?: string): Promise<void> {
  const id = ruleId ?? ruleUnderCursor() ?? (await pickRule(client));
  if (!id) return;
  const params: RuleDocsParams = { ruleId: id };
  const docs = await client.sendRequest<RuleDocsResult | null>(Methods.ruleDocs, params);
  if (!docs) { void vscode.window.showWarningMessage(`Lintel: no rule ${id}.`); return; }
  await view.show(docs);
}
