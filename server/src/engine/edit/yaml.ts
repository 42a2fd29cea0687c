// Minimal text edits on YAML that respect the syntax tree: set a scalar, insert keys, append to lists, remove pairs.
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar } from 'yaml';
import type { Node } from 'yaml';
import type { YamlFile } from '../parse/yaml';
import { getPair, type YMap, type YPair, type YSeq } from '../parse/yamlNodes';
import type { TextEdit } from '../types';
import { detectLayout, type YamlLayout } from './yamlLayout';
import { indentLines, renderBlock, renderFlow, renderScalar } from './yamlRender';

export class YamlEditor {
  private layoutCache?: YamlLayout;
  /** JSON files get JSON text (quoted keys, no comments, no second document); YAML files get YAML. */
  readonly json: boolean;
  constructor(readonly file: YamlFile) {
    this.json = /\.json$/i.test(file.uri);
  }

  get layout(): YamlLayout { return (this.layoutCache ??= detectLayout(this.file.text)); }
  private get text(): string { return this.file.text; }

  /** Replaces a scalar's text, keeping its quote style when the new value allows it. */
  setScalar(node: Node, value: string | number | boolean): TextEdit {
    const [start, rawEnd] = node.range!;
    // A block scalar's range runs through the line break after its last line: keep that break.
    const block = isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
    const end = block ? start + this.text.slice(start, rawEnd).trimEnd().length : rawEnd;
    let newText = this.scalar(value);
    if (isScalar(node) && typeof value === 'string' && !this.json) {
      if (node.type === Scalar.QUOTE_DOUBLE) newText = JSON.stringify(value);
      else if (node.type === Scalar.QUOTE_SINGLE) newText = `'${value.replace(/'/g, "''")}'`;
    }
    return { start, end, newText };
  }

  /**
   * Sets `path` under `map` to `value`, creating only the missing maps. An existing scalar at the
   * end of the path is replaced in place; an existing map receives the missing keys of `value`.
   */
  setIn(map: YMap, path: readonly string[], value: unknown, comment?: string): TextEdit[] {
    let cur: YMap = map;
    for (let i = 0; i < path.length; i++) {
      // Content shared through an anchor or reached through an alias belongs to every place that
      // uses it: editing it here would change (or, for an alias, drop) the others. No edit then.
      if (cur.anchor) return [];
      const pair = getPair(cur, path[i]);
      if (pair && (isAlias(pair.value) || (pair.value as Node | null)?.anchor)) return [];
      const rest = path.slice(i + 1);
      if (!pair) return [this.insertPair(cur, path[i], nest(rest, value), comment)];
      const v = pair.value as Node | null;
      if (v === null || (isScalar(v) && v.value === null && (v.range![1] - v.range![0] === 0 || v.source === ''))) {
        return [this.fillEmptyPair(pair, cur, nest(rest, value), comment)];
      }
      if (i === path.length - 1) {
        if (isScalar(v) && (value === null || typeof value !== 'object')) return [this.setScalar(v, value as string)];
        if (isMap(v) && value && typeof value === 'object' && !Array.isArray(value)) {
          const edits: TextEdit[] = [];
          for (const [k, sub] of Object.entries(value as Record<string, unknown>)) edits.push(...this.setIn(v as YMap, [k], sub, comment));
          return edits;
        }
        return [{ start: v.range![0], end: v.range![1], newText: this.renderValueAt(value, pair, cur) }];
      }
      if (!isMap(v)) return [{ start: v.range![0], end: v.range![1], newText: this.renderValueAt(nest(rest, value), pair, cur) }];
      cur = v as YMap;
    }
    return [];
  }

  /** Adds `key: value` as the last entry of a map (block or flow). */
  insertPair(map: YMap, key: string, value: unknown, comment?: string): TextEdit {
    const { eol, step, indentSeq } = this.layout;
    if (map.flow || map.items.length === 0) return this.insertIntoFlowMap(map, key, value);
    const first = map.items[0] as YPair;
    const last = map.items[map.items.length - 1] as YPair;
    const keyStart = (first.key as Node).range![0];
    const indent = ' '.repeat(this.file.lines.position(keyStart).character);
    const at = this.endOfLastLine(last);
    const body = this.renderEntry(key, value, step, indentSeq, comment);
    return { start: at, end: at, newText: eol + indent + indentLines(body, indent, eol) };
  }

  /** Appends an item to a sequence (block or flow). */
  appendToSeq(seq: YSeq, value: unknown): TextEdit {
    const { eol, step, indentSeq } = this.layout;
    if (seq.flow || seq.items.length === 0) {
      // range[1] is just past this sequence's own `]` (a nested one may close right after it).
      const close = this.text.lastIndexOf(']', seq.range![1] - 1);
      const last = seq.items[seq.items.length - 1] as Node | undefined;
      if (!last?.range) return { start: close, end: close, newText: this.flow(value) };
      const { start, end, prefix } = this.flowInsertion(last.range[1], close, last.range[0]);
      return { start, end, newText: `${prefix}${this.flow(value)}` };
    }
    const dashCol = this.file.lines.position(seq.range![0]).character;
    const indent = ' '.repeat(dashCol);
    const last = seq.items[seq.items.length - 1] as Node;
    const at = this.endOfLine(this.lastContentOffset(last.range![1], last.range![0]));
    const body = renderBlock(value, { step, indentSeq }).split('\n').map((l, i) => (i === 0 ? l : l === '' ? l : '  ' + l)).join('\n');
    return { start: at, end: at, newText: eol + indent + '- ' + indentLines(body, indent, eol) };
  }

  /** Removes a block-map pair with its whole lines. */
  removePair(map: YMap, key: string): TextEdit | undefined {
    const pair = getPair(map, key);
    if (!pair || map.flow) return undefined;
    const keyStart = (pair.key as Node).range![0];
    const lineNo = this.file.lines.position(keyStart).line;
    const start = this.file.lines.lineStart(lineNo);
    const end = this.endOfLastLine(pair);
    // The first key of a sequence item shares its line with `- `: keep the indicator and pull the
    // next key up onto that line (or leave an empty map when this was the only key).
    if (this.text.slice(start, keyStart).trim() !== '') {
      const index = map.items.indexOf(pair);
      const next = map.items[index + 1] as YPair | undefined;
      if (next) return { start: keyStart, end: (next.key as Node).range![0], newText: '' };
      const valueEnd = ((pair.value as Node | null)?.range ?? (pair.key as Node).range!)[1];
      return { start: keyStart, end: keyStart + this.text.slice(keyStart, valueEnd).trimEnd().length, newText: '{}' };
    }
    const nextLine = this.file.lines.position(end).line + 1;
    const stop = nextLine < this.file.lines.lineCount ? this.file.lines.lineStart(nextLine) : end;
    return { start, end: stop, newText: '' };
  }

  /** Inserts a new YAML document after the document that ends at `docEnd` (none in JSON, which holds one). */
  appendDocument(docEnd: number, content: string | Record<string, unknown>): TextEdit | undefined {
    if (this.json) return undefined;
    const { eol, step, indentSeq } = this.layout;
    // An object is rendered here (quoting whatever needs it, in the file's indentation); text is taken as written.
    const yamlText = typeof content === 'string' ? content : renderBlock(content, { step, indentSeq });
    const body = yamlText.replace(/\n$/, '').split('\n').join(eol);
    // Insert after the document's last line, before any following `---`. (Walks back over the
    // blanks only: trimming the whole text before the document took time linear in the file
    // for every object, which showed in per-edit latency of long streams.)
    let at = Math.min(docEnd, this.text.length);
    while (at > 0 && /\s/.test(this.text[at - 1])) at--;
    at = this.endOfLine(at > 0 ? at - 1 : 0);
    return { start: at, end: at, newText: `${eol}---${eol}${body}` };
  }

  private insertIntoFlowMap(map: YMap, key: string, value: unknown): TextEdit {
    const [s, e] = map.range!;
    // e is just past this map's own `}` (a nested one may close right after it).
    const close = this.text.lastIndexOf('}', e - 1);
    if (close < s) {
      // A map with no items and no braces cannot occur in parsed YAML; fall back to replacing the node.
      return { start: s, end: e, newText: `{ ${this.key(key)}: ${this.flow(value)} }` };
    }
    const inner = this.text.slice(s + 1, close);
    if (inner.trim() === '') return { start: s, end: close + 1, newText: `{ ${this.key(key)}: ${this.flow(value)} }` };
    const last = map.items[map.items.length - 1] as YPair;
    const lastEnd = ((last.value as Node | null)?.range ?? (last.key as Node).range!)[1];
    const { start, end, prefix } = this.flowInsertion(lastEnd, close, (last.key as Node).range![0]);
    return { start, end, newText: `${prefix}${this.key(key)}: ${this.flow(value)}` };
  }

  /**
   * Where a new flow item goes after the last one: after its trailing comma when it has one
   * (comments skipped). When the last item starts a line of its own (pretty-printed JSON, multi-line
   * flow YAML), the new item gets a line of its own with the same indentation, after any comment
   * that ends the last item's line (the comment is rewritten unchanged, so it stays with its item).
   */
  private flowInsertion(lastEnd: number, close: number, lastStart: number): { start: number; end: number; prefix: string } {
    const between = this.text.slice(lastEnd, close).replace(/#[^\r\n]*/g, (c) => ' '.repeat(c.length));
    const comma = between.indexOf(',');
    const lines = this.file.lines;
    const lineStart = lines.lineStart(lines.position(lastStart).line);
    if (this.text.slice(lineStart, lastStart).trim() !== '') {
      return comma >= 0 ? { start: lastEnd + comma + 1, end: lastEnd + comma + 1, prefix: ' ' } : { start: lastEnd, end: lastEnd, prefix: ', ' };
    }
    const newLine = this.layout.eol + this.text.slice(lineStart, lastStart);
    const anchor = comma >= 0 ? lastEnd + comma + 1 : lastEnd;
    const lineEnd = Math.min(lines.lineEnd(lines.position(anchor).line), close);
    const rest = this.text.slice(anchor, lineEnd).trimEnd();
    return { start: anchor, end: anchor + rest.length, prefix: `${comma >= 0 ? '' : ','}${rest}${newLine}` };
  }

  private fillEmptyPair(pair: YPair, map: YMap, value: unknown, comment?: string): TextEdit {
    const { eol, step, indentSeq } = this.layout;
    const keyNode = pair.key as Node;
    const keyCol = this.file.lines.position(keyNode.range![0]).character;
    const at = this.endOfLine(keyNode.range![1]);
    // Keep any comment after the colon: insert the new lines after the key's line.
    if (map.flow) {
      const colon = this.text.indexOf(':', keyNode.range![1]);
      return { start: colon + 1, end: colon + 1, newText: ` ${this.flow(value)}` };
    }
    if (value === null || typeof value !== 'object') {
      const colon = this.text.indexOf(':', keyNode.range![1]);
      return { start: colon + 1, end: colon + 1, newText: ` ${this.scalar(value)}` + (comment ? `  # ${comment}` : '') };
    }
    const childIndent = ' '.repeat(keyCol + (Array.isArray(value) && !indentSeq ? 0 : step));
    const body = renderBlock(value, { step, indentSeq });
    return { start: at, end: at, newText: eol + childIndent + indentLines(withComment(body, comment), childIndent, eol) };
  }

  private renderValueAt(value: unknown, _pair: YPair, _map: YMap): string {
    return value === null || typeof value !== 'object' ? this.scalar(value) : this.flow(value);
  }

  private scalar(value: unknown): string {
    return this.json ? JSON.stringify(value) : renderScalar(value as string);
  }

  private key(key: string): string {
    return this.json ? JSON.stringify(key) : renderScalar(key);
  }

  private flow(value: unknown): string {
    return this.json ? jsonFlow(value) : renderFlow(value);
  }

  private renderEntry(key: string, value: unknown, step: number, indentSeq: boolean, comment?: string): string {
    const body = renderBlock({ [key]: value }, { step, indentSeq });
    return withComment(body, comment);
  }

  /** Offset at the end of the line holding the last content of a pair (after a trailing comment). */
  private endOfLastLine(pair: YPair): number {
    const v = pair.value as Node | null;
    const keyNode = pair.key as Node;
    const end = v && v.range ? v.range[1] : keyNode.range![1];
    return this.endOfLine(this.lastContentOffset(end, keyNode.range![0]));
  }

  /** The last non-whitespace offset before `end` (not before `floor`). */
  private lastContentOffset(end: number, floor: number): number {
    let i = Math.max(floor, end - 1);
    while (i > floor && /\s/.test(this.text[i])) i--;
    return i;
  }

  private endOfLine(offset: number): number {
    const line = this.file.lines.position(offset).line;
    return this.file.lines.lineEnd(line);
  }
}

/** One-line JSON with a space after colons and commas, as people write flow JSON by hand. */
function jsonFlow(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jsonFlow).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${jsonFlow(v)}`).join(', ')} }` : '{}';
}

function nest(path: readonly string[], value: unknown): unknown {
  let v = value;
  for (let i = path.length - 1; i >= 0; i--) v = { [path[i]]: v };
  return v;
}

function withComment(body: string, comment?: string): string {
  if (!comment) return body;
  const lines = body.split('\n');
  lines[0] += `  # ${comment}`;
  return lines.join('\n');
}

export { isPair, isSeq };
