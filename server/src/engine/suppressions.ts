// Decides whether a finding is suppressed: lintel comments and annotations, and peers' syntaxes through aliases.
import type { K8sObject } from './model/kubernetes/object';
import type { Rule } from './rule';
import type { LineIndex } from './text/lineIndex';

export const IGNORE_ANNOTATION = 'lintel.dev/ignore';

const LINE_DIRECTIVE = /#\s*lintel:ignore(?!-file)\s/g;
const FILE_DIRECTIVE = /#\s*lintel:ignore-file\s/g;
const ID_LIST = /^[A-Za-z0-9_\-/.,:\s]+$/;
const CHECKOV_SKIP = /#\s*checkov:skip=([A-Za-z0-9_]+)/g;
const KICS_IGNORE_LINE = /#\s*kics-scan\s+ignore-line\b/;

function ids(list: string): string[] { return list.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean); }

/**
 * The rule ids of a directive (`# lintel:ignore a,b -- reason`) on a line, or undefined. Read in
 * steps: a single pattern with the reason and blanks optional backtracked quadratically on a
 * long run of blanks (a line of 200,000 spaces after a directive took minutes).
 */
function directiveIds(line: string, prefix: RegExp): string[] | undefined {
  prefix.lastIndex = 0;
  for (let m = prefix.exec(line); m; m = prefix.exec(line)) {
    let rest = line.slice(m.index + m[0].length);
    const reason = rest.search(/\s--/);
    if (reason >= 0) rest = rest.slice(0, reason);
    const list = ID_LIST.test(rest) ? ids(rest) : [];
    if (list.length) return list;
  }
  return undefined;
}

// Both are asked for every finding; computed once per rule (rules are immutable definitions).
const namesOf = new WeakMap<Rule, Set<string>>();
const peersOf = new WeakMap<Rule, Map<string, string[]>>();

/** The names a rule answers to: its id and its aliases. */
export function ruleNames(rule: Rule): Set<string> {
  let names = namesOf.get(rule);
  if (!names) {
    names = new Set<string>([rule.id]);
    for (const a of rule.aliases ?? []) names.add(a);
    namesOf.set(rule, names);
  }
  return names;
}

/** Aliases of one peer tool (`kube-linter:no-liveness-probe` → `no-liveness-probe`). */
function peerIds(rule: Rule, tool: string): string[] {
  let byTool = peersOf.get(rule);
  if (!byTool) peersOf.set(rule, (byTool = new Map()));
  let ids = byTool.get(tool);
  if (!ids) {
    const prefix = `${tool}:`;
    ids = (rule.aliases ?? []).filter((a) => a.startsWith(prefix)).map((a) => a.slice(prefix.length));
    byTool.set(tool, ids);
  }
  return ids;
}

export class FileSuppressions {
  private readonly lineIds = new Map<number, string[]>();
  private readonly fileIds = new Set<string>();
  private readonly checkovLines: Array<[number, string]> = [];
  private readonly kicsLines = new Set<number>();

  /**
   * `inScalar` tells whether an offset lies inside a scalar's text: a `#` there is content (a shell
   * comment in a ConfigMap script, a URL fragment), not a YAML comment, and must not suppress anything.
   */
  constructor(private readonly lines: LineIndex, inScalar: (offset: number) => boolean = () => false) {
    const text = lines.text;
    if (!/lintel:ignore|checkov:skip|kics-scan/.test(text)) return;
    for (let i = 0; i < lines.lineCount; i++) {
      const full = lines.lineText(i);
      const start = lines.lineStart(i);
      let hash = full.indexOf('#');
      while (hash >= 0 && inScalar(start + hash)) hash = full.indexOf('#', hash + 1);
      if (hash < 0) continue;
      const line = full.slice(hash);
      const f = directiveIds(line, FILE_DIRECTIVE);
      if (f) { for (const id of f) this.fileIds.add(id); continue; }
      const m = directiveIds(line, LINE_DIRECTIVE);
      if (m) this.lineIds.set(i, m);
      for (const c of line.matchAll(CHECKOV_SKIP)) this.checkovLines.push([i, c[1]]);
      if (KICS_IGNORE_LINE.test(line)) this.kicsLines.add(i);
    }
  }

  /** Whether a finding of `rule` starting on `line`, inside `object` (if any), is suppressed. */
  isSuppressed(rule: Rule, line: number, object?: K8sObject): boolean {
    const names = ruleNames(rule);
    const any = (list: Iterable<string> | undefined) => { if (list) for (const id of list) if (names.has(id) || id === 'all') return true; return false; };
    if (any(this.fileIds)) return true;
    if (any(this.lineIds.get(line)) || (this.isCommentOnly(line - 1) && any(this.lineIds.get(line - 1)))) return true;
    if (this.kicsLines.has(line - 1) && this.isCommentOnly(line - 1)) return true;
    if (object) {
      const startLine = this.lines.position(object.yamlDoc.start).line;
      const objLine = this.lines.position(object.root.range![0]).line;
      for (const l of [objLine, objLine - 1, startLine - 1]) {
        if (l >= 0 && any(this.lineIds.get(l)) && (l === objLine || this.isCommentOnly(l))) return true;
      }
      if (this.checkovLines.length) {
        const endLine = this.lines.position(object.root.range![1]).line;
        const checkov = new Set(peerIds(rule, 'checkov'));
        for (const [l, id] of this.checkovLines) if (l >= startLine - 1 && l <= endLine && checkov.has(id)) return true;
      }
      if (annotationSuppresses(rule, object)) return true;
    }
    return false;
  }

  private isCommentOnly(line: number): boolean {
    return line >= 0 && /^\s*#/.test(this.lines.lineText(line));
  }
}

/** Object and pod-template annotations: lintel's own and those of kube-linter, kube-score, Polaris and checkov. */
export function annotationSuppresses(rule: Rule, object: K8sObject): boolean {
  const names = ruleNames(rule);
  for (const ann of [object.annotations, object.pod?.annotations ?? {}]) {
    const own = ann[IGNORE_ANNOTATION];
    if (own && ids(own).some((id) => names.has(id) || id === 'all')) return true;
    for (const check of peerIds(rule, 'kube-linter')) if (`ignore-check.kube-linter.io/${check}` in ann) return true;
    const ks = ann['kube-score/ignore'];
    if (ks) { const set = new Set(ids(ks)); if (peerIds(rule, 'kube-score').some((c) => set.has(c))) return true; }
    if (ann['polaris.fairwinds.com/exempt'] === 'true' && peerIds(rule, 'polaris').length) return true;
    for (const check of peerIds(rule, 'polaris')) if (ann[`polaris.fairwinds.com/${check}-exempt`] === 'true') return true;
    // checkov's annotation form: `checkov.io/skip<N>: CKV_K8S_16=reason`.
    const checkov = peerIds(rule, 'checkov');
    if (checkov.length) {
      for (const [key, value] of Object.entries(ann)) {
        if (/^checkov\.io\/skip\d*$/.test(key) && checkov.includes(value.split('=')[0].trim())) return true;
      }
    }
  }
  return false;
}
