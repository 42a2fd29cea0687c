// Edits that suppress one finding: a comment on the line above, an object annotation, or a file-level comment.
import { FileSuppressions, fileLanguage, IGNORE_ANNOTATION, LineIndex, scalarOffsets, YamlEditor, type AnalyzedFile, type Finding, type K8sObject, type Rule, type TextEdit } from '../engine';
import { isAlias, isMap, type Node } from 'yaml';
import { getPair, type YMap } from '../engine/api';

function eolOf(text: string): string { return text.includes('\r\n') ? '\r\n' : '\n'; }

function withId(list: string, id: string): string | undefined {
  const ids = list.split(/[,\s]+/).filter(Boolean);
  return ids.includes(id) ? undefined : [...ids, id].join(',');
}

/** JSON has no comments: only the annotation can suppress there. */
function allowsComments(file: AnalyzedFile): boolean { return fileLanguage(file.uri) === 'yaml'; }

/**
 * The engine's reading of a comment line, as the line above a finding (`scope: 'line'`) or as a
 * file directive (`scope: 'file'`): does it suppress `rule`? Asked of the engine's own parser, so
 * the edits below follow its syntax (ids, `-- reason`) without a second reading of it here.
 */
function engineSuppresses(comment: string, rule: Rule, scope: 'line' | 'file'): boolean {
  // A line directive covers its own line and the next; only a file directive reaches line 3.
  const probe = scope === 'line' ? `${comment}\nx` : `${comment}\n\n\nx`;
  return new FileSuppressions(new LineIndex(probe)).isSuppressed(rule, scope === 'line' ? 1 : 3);
}

/** Offset in `line` where the id list of a `lintel:ignore` (or `lintel:ignore-file`) directive starts, if there is one. */
function idListStart(line: string, keyword: string): number | undefined {
  for (let at = line.indexOf(keyword); at >= 0; at = line.indexOf(keyword, at + 1)) {
    let i = at + keyword.length;
    if (line[i] !== ' ' && line[i] !== '\t') continue;
    while (line[i] === ' ' || line[i] === '\t') i++;
    return i;
  }
  return undefined;
}

/** Index of the `#` of a line holding only a comment, or -1. */
function commentStart(line: string): number {
  const hash = line.length - line.trimStart().length;
  return line[hash] === '#' ? hash : -1;
}

/**
 * An edit that adds `rule` to the directive on `line` (which starts at `lineStart`), checked with
 * the engine; undefined when the line holds no directive the rule can join.
 */
function joinDirective(line: string, lineStart: number, rule: Rule, keyword: string, scope: 'line' | 'file'): TextEdit | undefined {
  const at = idListStart(line, keyword);
  if (at === undefined) return undefined;
  // Ids never start with '-': there the list is empty and a reason follows.
  const newText = at === line.length ? rule.id : line[at] === '-' ? `${rule.id} ` : `${rule.id},`;
  const joined = line.slice(0, at) + newText + line.slice(at);
  return engineSuppresses(joined, rule, scope) ? { start: lineStart + at, end: lineStart + at, newText } : undefined;
}

/** `# lintel:ignore <id>` on its own line above the finding (or added to the directive already there), indented like the flagged line. */
export function ignoreLineEdit(file: AnalyzedFile, finding: Finding, rule: Rule): TextEdit | undefined {
  const lines = file.yaml?.lines;
  if (!file.yaml || !lines || !allowsComments(file)) return undefined;
  const line = lines.position(finding.start).line;
  if (line > 0) {
    const above = lines.lineText(line - 1);
    const hash = commentStart(above);
    // A '#' inside a block scalar's text is content, not a comment.
    if (hash >= 0 && !scalarOffsets(file.yaml)(lines.lineStart(line - 1) + hash)) {
      if (engineSuppresses(above, rule, 'line')) return undefined;
      const joined = joinDirective(above, lines.lineStart(line - 1), rule, 'lintel:ignore', 'line');
      if (joined) return joined;
    }
  }
  const text = lines.lineText(line);
  const indent = text.slice(0, text.length - text.trimStart().length);
  // For a sequence item (`- name: x`) the comment sits at the dash's column.
  const start = lines.lineStart(line);
  return { start, end: start, newText: `${indent}# lintel:ignore ${rule.id}${eolOf(file.text)}` };
}

/** `# lintel:ignore-file <id>` as the first line (or added to the directive already there). */
export function ignoreFileEdit(file: AnalyzedFile, rule: Rule): TextEdit | undefined {
  if (!allowsComments(file)) return undefined;
  const newline = file.text.indexOf('\n');
  const first = newline < 0 ? file.text : file.text.slice(0, file.text[newline - 1] === '\r' ? newline - 1 : newline);
  if (commentStart(first) === 0) {
    if (engineSuppresses(first, rule, 'file')) return undefined;
    const joined = joinDirective(first, 0, rule, 'lintel:ignore-file', 'file');
    if (joined) return joined;
  }
  return { start: 0, end: 0, newText: `# lintel:ignore-file ${rule.id}${eolOf(file.text)}` };
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

/** A node whose content is shared: an alias, or anchored (and so possibly aliased elsewhere). */
function isShared(node: unknown): boolean {
  return isAlias(node) || !!(node as Node | null)?.anchor;
}

/**
 * Whether writing `metadata.annotations["lintel.dev/ignore"]` into the object would change content
 * shared through YAML anchors and aliases (every user of it would change, or the alias would be
 * replaced), or hide keys a merge (`<<`) brings in.
 */
function touchesSharedContent(object: K8sObject): boolean {
  let map: YMap = object.root;
  for (const key of ['metadata', 'annotations', IGNORE_ANNOTATION]) {
    if (isShared(map)) return true;
    const pair = getPair(map, key);
    // A new key here would replace what a merge key supplies for it.
    if (!pair) return !!getPair(map, '<<');
    if (isShared(pair.value)) return true;
    if (!isMap(pair.value)) return false;
    map = pair.value as YMap;
  }
  return false;
}

/** Adds the rule to the object's `lintel.dev/ignore` annotation (created with metadata.annotations as needed); valid JSON in JSON files. */
export function ignoreObjectEdits(file: AnalyzedFile, finding: Finding): TextEdit[] | undefined {
  if (!file.yaml) return undefined;
  const object = objectAt(file, finding.start);
  if (!object || touchesSharedContent(object)) return undefined;
  const existing = object.annotations[IGNORE_ANNOTATION];
  const value = existing === undefined ? finding.ruleId : withId(existing, finding.ruleId);
  if (!value) return undefined;
  const edits = new YamlEditor(file.yaml).setIn(object.root, ['metadata', 'annotations', IGNORE_ANNOTATION], value);
  return edits.length ? edits : undefined;
}
