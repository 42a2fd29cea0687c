// workspace/executeCommand: fix all safe problems of a document version, and show a rule's documentation.
import { LSPErrorCodes, ResponseError, type Connection, type ExecuteCommandParams } from 'vscode-languageserver';
import type { Rule } from '../engine';
import type { ClientFeatures } from './clientFeatures';
import type { OpenDocuments } from './documents';
import type { FileStore } from './fileStore';
import type { FixAllService } from './fixAllEdit';
import { Commands, type FixAllSafeArgs, type FixAllSafeResult } from './protocol';
import { findRule, ruleDocs } from './ruleDocs';
import { documentEdit, toLspEdits } from './workspaceEdits';

export class CommandHandler {
  constructor(
    private readonly connection: Connection,
    private readonly features: ClientFeatures,
    private readonly docs: OpenDocuments,
    private readonly store: FileStore,
    private readonly fixAll: FixAllService,
    private readonly rules: readonly Rule[],
  ) {}

  async execute(params: ExecuteCommandParams): Promise<unknown> {
    const args = params.arguments ?? [];
    switch (params.command) {
      case Commands.fixAllSafe: return this.fixAllSafe(args[0] as FixAllSafeArgs | undefined);
      case Commands.showRuleDocs: return this.showRuleDocs(typeof args[0] === 'string' ? args[0] : undefined);
      default: throw new ResponseError(LSPErrorCodes.RequestFailed, `unknown command ${params.command}`);
    }
  }

  private async fixAllSafe(args: FixAllSafeArgs | undefined): Promise<FixAllSafeResult> {
    if (!args || typeof args.uri !== 'string') throw new ResponseError(LSPErrorCodes.RequestFailed, `${Commands.fixAllSafe} needs { uri, version }`);
    const doc = this.docs.byUri(args.uri);
    if (!doc) return { applied: false, fixes: 0 };
    // Computed for a version the editor has moved past: refuse rather than edit the wrong text.
    if (typeof args.version === 'number' && args.version !== doc.document.version) {
      throw new ResponseError(LSPErrorCodes.ContentModified, `document changed (version ${doc.document.version}, request for ${args.version})`);
    }
    const outcome = this.fixAll.outcome(doc.key, doc.document.version);
    if (!outcome.edit) return { applied: false, fixes: 0 };
    const file = this.store.get(doc.key)!;
    const edit = documentEdit(doc.uri, doc.document.version, toLspEdits(file.text, [outcome.edit], file.yaml?.lines), this.features.documentChanges);
    const r = await this.connection.workspace.applyEdit({ label: 'Lintel: fix all safe problems', edit });
    return { applied: r.applied, fixes: r.applied ? outcome.applied : 0 };
  }

  private async showRuleDocs(ruleId: string | undefined): Promise<{ url?: string }> {
    const rule = ruleId ? findRule(this.rules, ruleId) : undefined;
    if (!rule) {
      void this.connection.window.showWarningMessage(`Lintel: no rule ${ruleId ?? '(none given)'}`);
      return {};
    }
    const { url } = ruleDocs(rule);
    if (this.features.showDocument) await this.connection.window.showDocument({ uri: url, external: true });
    else void this.connection.window.showInformationMessage(`${rule.id}: ${rule.title}. Documentation: ${url}`);
    return { url };
  }
}
