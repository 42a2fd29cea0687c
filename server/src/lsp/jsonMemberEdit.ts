// Inserts or updates a member of a JSON object (a flow map of the parsed JSON) with valid JSON and the siblings' layout.
import { isMap, isScalar } from 'yaml';
import type { Node } from 'yaml';
import type { TextEdit } from '../engine';
import { getPair, type YMap } from '../engine/api';

/** Sets `path` (string keys) under `map` to the string `value`, creating the missing objects. */
export function setJsonString(text: string, map: YMap, path: readonly string[], value: string): TextEdit | undefined {
  let cur = map;
  for (let i = 0; i < path.length; i++) {
    const pair = getPair(cur, path[i]);
    const rest = path.slice(i + 1);
    if (!pair) return insertMember(text, cur, path[i], nested(rest, value));
    const v = pair.value as Node | null;
    if (i === path.length - 1) {
      if (!v || !isScalar(v) || !v.range) return undefined;
      return { start: v.range[0], end: v.range[1], newText: JSON.stringify(value) };
    }
    if (!v || !isMap(v)) return undefined;
    cur = v as YMap;
  }
  return undefined;
}

function nested(path: readonly string[], value: string): unknown {
  let v: unknown = value;
  for (let i = path.length - 1; i >= 0; i--) v = { [path[i]]: v };
  return v;
}

function lineIndentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

function insertMember(text: string, map: YMap, key: string, value: unknown): TextEdit | undefined {
  const range = map.range;
  if (!range) return undefined;
  const open = text.indexOf('{', range[0]);
  const close = text.lastIndexOf('}', range[1] - 1);
  if (open < 0 || close < open) return undefined;
  const last = map.items[map.items.length - 1];
  const first = map.items[0];
  const firstKey = first?.key as Node | undefined;
  const multiline = !!firstKey?.range && text.slice(open, firstKey.range[0]).includes('\n');
  if (!multiline) {
    const member = `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
    if (!last) return { start: open + 1, end: close, newText: member };
    const end = ((last.value as Node | null)?.range ?? (last.key as Node).range!)[1];
    return { start: end, end, newText: `, ${member}` };
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = lineIndentAt(text, firstKey!.range![0]);
  const step = indent.length > lineIndentAt(text, open).length ? indent.slice(lineIndentAt(text, open).length) : '  ';
  const body = JSON.stringify(value, null, step).split('\n').join(eol + indent);
  const end = ((last!.value as Node | null)?.range ?? (last!.key as Node).range!)[1];
  return { start: end, end, newText: `,${eol}${indent}${JSON.stringify(key)}: ${body}` };
}
