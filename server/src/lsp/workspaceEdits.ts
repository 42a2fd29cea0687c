// Turns engine edits (UTF-16 offsets) into LSP text edits and versioned workspace edits.
import { TextDocumentEdit, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { LineIndex, type TextEdit } from '../engine';

export function toLspEdits(text: string, edits: readonly TextEdit[], lines = new LineIndex(text)): LspTextEdit[] {
  return [...edits]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText }));
}

/**
 * A workspace edit for one document. With documentChanges the client refuses to apply it to any
 * other version than the one it was computed for.
 */
export function documentEdit(uri: string, version: number, edits: LspTextEdit[], versioned: boolean): WorkspaceEdit {
  return versioned
    ? { documentChanges: [TextDocumentEdit.create({ uri, version }, edits)] }
    : { changes: { [uri]: edits } };
}
