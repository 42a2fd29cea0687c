// Temporary workspaces for server tests: fixture files on disk, a config enabling chosen rules, URIs and edit application.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { ALL_RULES } from '../../../rules';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'lsp');

export function fixture(name: string): string { return readFileSync(join(FIXTURES, name), 'utf8'); }

/** `.lintel.yaml` text turning off every rule except `ids` (so tests do not change when rules are added). */
export function onlyRules(ids: readonly string[], extra = ''): string {
  for (const id of ids) if (!ALL_RULES.some((r) => r.id === id)) throw new Error(`no rule ${id}`);
  const lines = ALL_RULES.filter((r) => !ids.includes(r.id)).map((r) => `  ${r.id}: off`);
  const on = ids.map((id) => `  ${id}: ${ALL_RULES.find((r) => r.id === id)!.severity}`);
  return `rules:\n${[...on, ...lines].join('\n')}\n${extra}`;
}

export function hasRule(id: string): boolean { return ALL_RULES.some((r) => r.id === id); }

export class TempWorkspace {
  readonly root: string;
  constructor(files: Record<string, string> = {}) {
    this.root = mkdtempSync(join(tmpdir(), 'lintel-lsp-'));
    for (const [name, text] of Object.entries(files)) this.write(name, text);
  }

  path(name: string): string { return join(this.root, name); }
  uri(name: string): string { return pathToFileURL(this.path(name)).href; }

  write(name: string, text: string | Uint8Array): string {
    const p = this.path(name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    return this.uri(name);
  }

  remove(name: string): void { rmSync(this.path(name), { force: true }); }
  dispose(): void { rmSync(this.root, { recursive: true, force: true }); }
}

function offsetAt(text: string, line: number, character: number): number {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return offset + character;
}

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const withOffsets = edits.map((e) => ({ start: offsetAt(text, e.range.start.line, e.range.start.character), end: offsetAt(text, e.range.end.line, e.range.end.character), newText: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The edits of a workspace edit for one document (documentChanges or changes), with the version they require. */
export function editsFor(edit: WorkspaceEdit, uri: string): { edits: TextEdit[]; version?: number | null } {
  for (const dc of edit.documentChanges ?? []) {
    if ('textDocument' in dc && dc.textDocument.uri === uri) return { edits: dc.edits as TextEdit[], version: dc.textDocument.version };
  }
  return { edits: edit.changes?.[uri] ?? [] };
}
