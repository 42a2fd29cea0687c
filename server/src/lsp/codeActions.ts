// Code actions: quick-fixes found through Diagnostic.data, suppressions, rule docs, and the fix-all source action (resolved lazily).
import { CodeActionKind, LSPErrorCodes, ResponseError, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { AnalyzedFile, Finding, Rule, TextEdit } from '../engine';
import type { ClientFeatures } from './clientFeatures';
import { isLintelDiagnostic, readDiagnosticData } from './diagnostics';
import type { OpenDocument, OpenDocuments } from './documents';
import type { FileStore } from './fileStore';
import type { FixAllService } from './fixAllEdit';
import type { Linter } from './linter';
import { Commands, FIX_ALL_KIND, type FixAllSafeArgs } from './protocol';
import { ignoreFileEdit, ignoreLineEdit, ignoreObjectEdits } from './suppressionEdits';
import { documentEdit, toLspEdits } from './workspaceEdits';

const FIX_ALL_TITLE = 'Fix all safe Lintel problems';

/** What an unresolved fix-all action carries to codeAction/resolve. */
interface FixAllData { fixAll: { uri: string; version: number } }

function readFixAllData(data: unknown): FixAllData['fixAll'] | undefined {
  const f = (data as Partial<FixAllData> | undefined)?.fixAll;
  return f && typeof f.uri === 'string' && typeof f.version === 'number' ? f : undefined;
}

/** Whether an action of kind `kind` answers a request restricted to `only`. */
export function kindRequested(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

export class CodeActions {
  private readonly ruleById: ReadonlyMap<string, Rule>;

  constructor(
    private readonly docs: OpenDocuments,
    private readonly store: FileStore,
    private readonly fixAll: FixAllService,
    private readonly linter: Linter,
    private readonly rules: readonly Rule[],
    private readonly features: ClientFeatures,
  ) {
    this.ruleById = new Map(rules.map((r) => [r.id, r]));
  }

  handle(params: CodeActionParams): CodeAction[] {
    const doc = this.docs.byUri(params.textDocument.uri);
    if (!doc) return [];
    this.linter.sync();
    const file = this.store.get(doc.key);
    if (!file) return [];
    const only = params.context.only;
    const actions: CodeAction[] = [];
    const quick = kindRequested(CodeActionKind.QuickFix, only) ? this.quickFixes(doc, file, params.context.diagnostics) : { actions: [], fixes: 0 };
    actions.push(...quick.actions);
    const fixAllKind = only?.includes(CodeActionKind.SourceFixAll) && !only.includes(FIX_ALL_KIND) ? CodeActionKind.SourceFixAll : FIX_ALL_KIND;
    // Requested explicitly (source actions, fix on save), or offered next to a quick-fix when several problems are fixable.
    // Either way the fix-all edit itself is not computed here unless a client that cannot resolve asked for it by kind:
    // the lightbulb asks for actions at every cursor move, and fix-all costs a hundred milliseconds on a large file.
    const requested = !!only && kindRequested(FIX_ALL_KIND, only);
    const beside = !only && quick.fixes > 0;
    const safe = requested || beside ? this.safeFixCount(doc) : 0;
    if (requested ? safe > 0 : beside && safe > 1) {
      const fa = this.features.codeActionResolve ? this.unresolvedFixAll(doc, fixAllKind)
        : requested ? this.fixAllAction(doc, fixAllKind)
        : this.fixAllCommand(doc, fixAllKind);
      if (fa) actions.push(fa);
    }
    return actions;
  }

  /** codeAction/resolve: fills in the edit of a fix-all action offered without one. */
  resolve(action: CodeAction): CodeAction {
    const data = readFixAllData(action.data);
    if (!data) return action;
    const doc = this.docs.byUri(data.uri);
    if (!doc) return action;
    // Offered for a version the editor has moved past: refuse rather than edit the wrong text.
    if (doc.document.version !== data.version) {
      throw new ResponseError(LSPErrorCodes.ContentModified, `document changed (version ${doc.document.version}, action for ${data.version})`);
    }
    const outcome = this.fixAll.outcome(doc.key, data.version);
    const file = this.store.get(doc.key);
    if (!outcome.edit || !file) return action;
    return { ...action, edit: this.action(action.title, action.kind ?? FIX_ALL_KIND, doc, file, [outcome.edit]).edit };
  }

  private quickFixes(doc: OpenDocument, file: AnalyzedFile, diagnostics: readonly Diagnostic[]): { actions: CodeAction[]; fixes: number } {
    const version = doc.document.version;
    const fixes: CodeAction[] = [];
    const suppress: CodeAction[] = [];
    const docs: CodeAction[] = [];
    const seen = new Set<string>();
    const once = (key: string) => { if (seen.has(key)) return false; seen.add(key); return true; };
    for (const d of diagnostics) {
      if (!isLintelDiagnostic(d)) continue;
      const data = readDiagnosticData(d);
      // A diagnostic computed for another version of the text: its offsets no longer hold.
      if (!data || data.version !== version) continue;
      const finding = this.linter.finding(doc.key, data.id, version) ?? this.relinted(doc.key, data.id, version);
      if (!finding) continue;
      for (const fix of finding.fixes) {
        // Preferred (applied by auto-fix) only when it is the one fix and needs no value from the user.
        fixes.push(this.action(fix.title, CodeActionKind.QuickFix, doc, file, fix.edits, [d], finding.fixes.length === 1 && fix.safe));
      }
      const rule = finding.ruleId;
      const ruleDef = this.ruleById.get(rule);
      const line = ruleDef && ignoreLineEdit(file, finding, ruleDef);
      if (line && once(`line:${rule}:${d.range.start.line}`)) suppress.push(this.action(`Ignore ${rule} on this line`, CodeActionKind.QuickFix, doc, file, [line], [d]));
      const object = ignoreObjectEdits(file, finding);
      if (object && once(`object:${rule}:${object[0].start}`)) suppress.push(this.action(`Ignore ${rule} for this object (annotation)`, CodeActionKind.QuickFix, doc, file, object, [d]));
      const whole = ruleDef && ignoreFileEdit(file, ruleDef);
      if (whole && once(`file:${rule}`)) suppress.push(this.action(`Ignore ${rule} in this file`, CodeActionKind.QuickFix, doc, file, [whole], [d]));
      if (once(`docs:${rule}`)) {
        docs.push({ title: `Show documentation for ${rule}`, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: `Show documentation for ${rule}`, command: Commands.showRuleDocs, arguments: [rule] } });
      }
    }
    return { actions: [...fixes, ...suppress, ...docs], fixes: fixes.length };
  }

  /** The diagnostic may come from a result computed before the cache was dropped: lint again and look once more. */
  private relinted(key: string, id: string, version: number): Finding | undefined {
    this.linter.lint(key);
    return this.linter.finding(key, id, version);
  }

  private safeFixCount(doc: OpenDocument): number {
    return this.linter.lint(doc.key).result.findings.filter((f) => f.fixes.some((x) => x.safe)).length;
  }

  /** The fix-all action with its edit (computed once per document state). */
  private fixAllAction(doc: OpenDocument, kind: string): CodeAction | undefined {
    const outcome = this.fixAll.outcome(doc.key, doc.document.version);
    const file = this.store.get(doc.key);
    if (!outcome.edit || !file) return undefined;
    return this.action(FIX_ALL_TITLE, kind, doc, file, [outcome.edit], undefined);
  }

  /** The fix-all action without its edit, which the client asks for through codeAction/resolve when it is chosen. */
  private unresolvedFixAll(doc: OpenDocument, kind: string): CodeAction {
    const data: FixAllData = { fixAll: { uri: doc.uri, version: doc.document.version } };
    return { title: FIX_ALL_TITLE, kind, data };
  }

  /** For clients that cannot resolve: the fix-all action as the lintel.fixAllSafe command, which computes the edit when run. */
  private fixAllCommand(doc: OpenDocument, kind: string): CodeAction {
    const args: FixAllSafeArgs = { uri: doc.uri, version: doc.document.version };
    return { title: FIX_ALL_TITLE, kind, command: { title: FIX_ALL_TITLE, command: Commands.fixAllSafe, arguments: [args] } };
  }

  private action(title: string, kind: string, doc: OpenDocument, file: AnalyzedFile, edits: readonly TextEdit[], diagnostics?: Diagnostic[], isPreferred?: boolean): CodeAction {
    const lspEdits = toLspEdits(file.text, edits, file.yaml?.lines);
    const action: CodeAction = { title, kind, edit: documentEdit(doc.uri, doc.document.version, lspEdits, this.features.documentChanges) };
    if (diagnostics) action.diagnostics = diagnostics;
    if (isPreferred) action.isPreferred = true;
    return action;
  }
}
