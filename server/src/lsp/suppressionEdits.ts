// Edits that suppress one finding: a comment on the line above, an object annotation, or a file-level comment.
import { fileLanguage, IGNORE_ANNOTATION, YamlEditor, type AnalyzedFile, type Finding, type K8sObject, type TextEdit } from '../engine';
import { setJsonString } from './jsonMemberEdit';

const LINE_DIRECTIVE = /^([ \t]*)#\s*lintel:ignore(?!-file)\s+([^\s-][^#]*?)\s*$/;
const FILE_DIRECTIVE = /^#\s*lintel:ignore-file\s+([^\s-][^#]*?)\s*$/;

function eolOf(text: string): string { return text.includes('\r\n') ? '\r\n' : '\n'; }

function withId(list: string, id: string): string | undefined {
  const ids = list.split(/[,\s]+/).filter(Boolean);
  return ids.includes(id) ? undefined : [...ids, id].join(',');
}

/** JSON has no comments: only the annotation can suppress there. */
function allowsComments(file: AnalyzedFile): boolean { return fileLanguage(file.uri) === 'yaml'; }

/** `# lintel:ignore <id>` on its own line above the finding, indented like the flagged line. */
export function ignoreLineEdit(file: AnalyzedFile, finding: Finding): TextEdit | undefined {
  const lines = file.yaml?.lines;
  if (!lines || !allowsComments(file)) return undefined;
  const line = lines.position(finding.start).line;
  if (line > 0) {
    // Extend a directive already above the line (with no reason text, which would end the id list).
    const above = lines.lineText(line - 1);
    const m = LINE_DIRECTIVE.exec(above);
    if (m && !above.includes(' -- ')) {
      const ids = withId(m[2], finding.ruleId);
      if (!ids) return undefined;
      const start = lines.lineStart(line - 1);
      return { start, end: lines.lineEnd(line - 1), newText: `${m[1]}# lintel:ignore ${ids}` };
    }
  }
  const text = lines.lineText(line);
  const indent = /^[ \t]*/.exec(text)![0];
  // For a sequence item (`- name: x`) the comment sits at the dash's column.
  const start = lines.lineStart(line);
  return { start, end: start, newText: `${indent}# lintel:ignore ${finding.ruleId}${eolOf(file.text)}` };
}

/** `# lintel:ignore-file <id>` as the first line (or added to the directive already there). */
export function ignoreFileEdit(file: AnalyzedFile, finding: Finding): TextEdit | undefined {
  if (!allowsComments(file)) return undefined;
  const firstEnd = file.text.search(/\r?\n|$/);
  const first = file.text.slice(0, firstEnd);
  const m = FILE_DIRECTIVE.exec(first);
  if (m && !first.includes(' -- ')) {
    const ids = withId(m[1], finding.ruleId);
    return ids ? { start: 0, end: firstEnd, newText: `# lintel:ignore-file ${ids}` } : undefined;
  }
  return { start: 0, end: 0, newText: `# lintel:ignore-file ${finding.ruleId}${eolOf(file.text)}` };
}

/** The object a finding lies in. */
export function objectAt(file: AnalyzedFile, offset: number): K8sObject | undefined {
  let best: K8sObject | undefined;
  for (const o of file.objects) {
    const r = o.root.range;
    if (r && r[0] <= offset && offset <= r[1] && (!best || r[0] >= best.root.range![0])) best = o;
  }
  return best;
}

/** Adds the rule to the object's `lintel.dev/ignore` annotation (created with metadata.annotations as needed). */
export function ignoreObjectEdits(file: AnalyzedFile, finding: Finding): TextEdit[] | undefined {
  if (!file.yaml) return undefined;
  const object = objectAt(file, finding.start);
  if (!object) return undefined;
  const existing = object.annotations[IGNORE_ANNOTATION];
  const value = existing === undefined ? finding.ruleId : withId(existing, finding.ruleId);
  if (!value) return undefined;
  if (!allowsComments(file)) {
    const edit = object.metadata
      ? setJsonString(file.text, object.metadata, ['annotations', IGNORE_ANNOTATION], value)
      : setJsonString(file.text, object.root, ['metadata', 'annotations', IGNORE_ANNOTATION], value);
    return edit ? [edit] : undefined;
  }
  const editor = new YamlEditor(file.yaml);
  const edits = object.metadata
    ? editor.setIn(object.metadata, ['annotations', IGNORE_ANNOTATION], value)
    : editor.setIn(object.root, ['metadata', 'annotations', IGNORE_ANNOTATION], value);
  return edits.length ? edits : undefined;
}
