// The rule runner: runs enabled rules over a file's objects, applies suppressions and computes ranges.
import { isPair } from 'yaml';
import type { Node } from 'yaml';
import type { EffectiveConfig } from './config/config';
import { YamlEditor } from './edit/yaml';
import type { ReportInput, Rule, Target } from './rule';
import { FileSuppressions } from './suppressions';
import { scalarOffsets } from './parse/yaml';
import type { Fix, Finding, LintResult, TextEdit } from './types';
import type { Workspace } from './workspace';

export interface LintOptions {
  /** Only these rules (by id); the default is every rule the config enables. */
  only?: ReadonlySet<string>;
}

export function lintFile(ws: Workspace, uri: string, config: EffectiveConfig, rules: readonly Rule[], opts: LintOptions = {}): LintResult {
  const file = ws.get(uri);
  if (!file) return { uri, findings: [], errors: [] };
  const result: LintResult = { uri, findings: [], errors: [...file.errors] };
  if (!file.yaml || file.objects.length === 0) return result;
  const yaml = file.yaml;
  const active = rules
    .filter((r) => r.language === 'kubernetes' && (!opts.only || opts.only.has(r.id)))
    .map((rule) => ({ rule, setting: config.setting(rule) }))
    .filter((a) => a.setting !== undefined);
  if (active.length === 0) return result;
  const view = ws.k8sView();
  const edit = new YamlEditor(yaml);
  const suppressions = new FileSuppressions(yaml.lines, scalarOffsets(yaml));
  const settings = { kubernetesVersion: config.kubernetesVersion };
  let seq = 0;
  for (const object of file.objects) {
    if (ws.isPartial(object)) continue;
    for (const { rule, setting } of active) {
      const kinds = rule.appliesTo?.kinds;
      if (kinds && !kinds.includes(object.kind)) continue;
      const report = (input: ReportInput) => {
        const span = targetSpan(input.node);
        if (!span) return;
        const [start, rawEnd] = span;
        const line = yaml.lines.position(start).line;
        // A finding covers one line at most: a collection target is clipped to its first line.
        const end = yaml.lines.position(rawEnd).line > line ? start + yaml.lines.lineText(line).slice(yaml.lines.position(start).character).trimEnd().length : rawEnd;
        if (suppressions.isSuppressed(rule, line, object)) return;
        const fixes = [...(input.fixes ?? []), ...(input.fix ? [input.fix] : [])].filter((f) => f.edits.length > 0);
        const finding: Finding = {
          id: `${rule.id}@${start}:${end}#${seq++}`, ruleId: rule.id, severity: !setting!.explicit && input.severity ? config.presetSeverity(input.severity) : setting!.severity, message: input.message,
          uri, start, end, range: yaml.lines.range(start, end), fixes,
        };
        result.findings.push(finding);
      };
      try {
        rule.check({ object, doc: object.doc, workspace: view, options: setting!.options, settings, edit, report, fix: makeFix });
      } catch (e) {
        result.errors.push({ uri, severity: 'warning', message: `rule ${rule.id} failed on ${object.displayName}: ${(e as Error).message}`, range: yaml.lines.range(object.root.range![0], object.root.range![0]) });
      }
    }
  }
  result.findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  return result;
}

export function makeFix(title: string, safe: boolean, edits: Array<TextEdit | undefined> | TextEdit | undefined): Fix | undefined {
  const list = (Array.isArray(edits) ? edits : [edits]).filter((e): e is TextEdit => !!e);
  return list.length ? { title, safe, edits: list } : undefined;
}

/** The offsets a finding covers: a scalar's text, a pair's key, or the first line of a collection. */
export function targetSpan(t: Target): [number, number] | undefined {
  if ('start' in t && typeof (t as { start: unknown }).start === 'number' && !('range' in t)) {
    const o = t as { start: number; end: number };
    return [o.start, o.end];
  }
  if (isPair(t)) {
    const k = t.key as Node | null;
    return k?.range ? [k.range[0], k.range[1]] : undefined;
  }
  const r = (t as Node).range;
  if (!r) return undefined;
  return [r[0], r[1]];
}
