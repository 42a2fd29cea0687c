// Parses and validates `.lintel.yaml` text; invalid parts become diagnostics and defaults are used.
import Ajv from 'ajv';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import schema from '../../../schemas/lintel-config.schema.json';
import { LineIndex } from '../text/lineIndex';
import type { FileError } from '../types';
import type { Rule } from '../rule';
import { EffectiveConfig, type LintelConfigFile } from './config';

export const CONFIG_FILE_NAMES = ['.lintel.yaml', '.lintel.yml', '.lintel.json'];

let validator: ReturnType<Ajv['compile']> | undefined;
function validate(data: unknown) {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  const ok = validator(data);
  return { ok: !!ok, errors: validator.errors ?? [] };
}

export interface LoadedConfig { config: EffectiveConfig; errors: FileError[] }

export function loadConfig(uri: string, text: string, rules: readonly Rule[]): LoadedConfig {
  const lines = new LineIndex(text);
  const errors: FileError[] = [];
  const fail = (message: string, node?: Node | null): LoadedConfig => {
    const r = node?.range;
    errors.push({ uri, severity: 'error', message: `${message}; using the default configuration`, range: r ? lines.range(r[0], r[1]) : lines.range(0, 0) });
    return { config: new EffectiveConfig({}, rules), errors };
  };
  let doc;
  try {
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    return fail(`configuration could not be read: ${(e as Error).message}`);
  }
  if (doc.errors.length) {
    const e = doc.errors[0];
    errors.push({ uri, severity: 'error', message: `configuration is not valid YAML: ${e.message.split('\n')[0]}; using the default configuration`, range: lines.range(e.pos[0], e.pos[1]) });
    return { config: new EffectiveConfig({}, rules), errors };
  }
  let data: unknown;
  try { data = doc.toJS({ maxAliasCount: 50 }) ?? {}; } catch (e) { return fail(`configuration could not be read: ${(e as Error).message}`); }
  const result = validate(data);
  if (!result.ok) {
    const first = result.errors[0];
    const path = first.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    // An unknown key is reported on that key, not on the whole map that holds it.
    const extraKey = first.params && 'additionalProperty' in first.params ? String(first.params.additionalProperty) : undefined;
    const node = extraKey !== undefined ? nodeAtPath(doc.contents as Node, [...path, extraKey], true) : nodeAtPath(doc.contents as Node, path);
    const where = path.length ? `\`${path.join('.')}\`` : 'the configuration';
    const extra = first.params && 'allowedValues' in first.params ? ` (allowed: ${(first.params.allowedValues as string[]).join(', ')})` : first.params && 'additionalProperty' in first.params ? ` (\`${first.params.additionalProperty}\`)` : '';
    return fail(`invalid configuration: ${where} ${first.message}${extra}`, node);
  }
  const file = data as LintelConfigFile;
  const known = new Set(rules.flatMap((r) => [r.id, ...(r.aliases ?? [])]));
  for (const id of Object.keys(file.rules ?? {})) {
    if (rules.length && !known.has(id)) {
      const node = nodeAtPath(doc.contents as Node, ['rules', id], true);
      errors.push({ uri, severity: 'warning', message: `unknown rule \`${id}\` in configuration; ignored`, range: node?.range ? lines.range(node.range[0], node.range[1]) : undefined });
    }
  }
  const checked = checkRuleOptions(file, rules, (path) => nodeAtPath(doc.contents as Node, path), lines, uri, errors);
  return { config: new EffectiveConfig(checked, rules), errors };
}

const optionValidators = new WeakMap<object, ReturnType<Ajv['compile']>>();
let optionsAjv: Ajv | undefined;

/**
 * Checks each rule's options against the rule's `optionsSchema`. Options that do not fit would
 * reach the rule's code as the wrong type and make it fail on every file, so they get an error on
 * the bad node and the rule runs with its default options; the rest of the file still applies.
 */
function checkRuleOptions(file: LintelConfigFile, rules: readonly Rule[], nodeAt: (path: string[]) => Node | undefined, lines: LineIndex, uri: string, errors: FileError[]): LintelConfigFile {
  if (!file.rules) return file;
  const byName = new Map<string, Rule>();
  for (const r of rules) for (const name of [r.id, ...(r.aliases ?? [])]) byName.set(name, r);
  const out: NonNullable<LintelConfigFile['rules']> = {};
  for (const [id, entry] of Object.entries(file.rules)) {
    out[id] = entry;
    const rule = byName.get(id);
    if (!rule?.optionsSchema || typeof entry !== 'object' || entry.options === undefined) continue;
    optionsAjv ??= new Ajv({ allErrors: true, strict: false });
    let check = optionValidators.get(rule.optionsSchema);
    if (!check) { check = optionsAjv.compile(rule.optionsSchema); optionValidators.set(rule.optionsSchema, check); }
    if (check(entry.options)) continue;
    const first = check.errors![0];
    const sub = first.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const node = nodeAt(['rules', id, 'options', ...sub]);
    const where = sub.length ? `\`${sub.join('.')}\`` : 'the options';
    errors.push({
      uri, severity: 'error', range: node?.range ? lines.range(node.range[0], node.range[1]) : undefined,
      message: `invalid options for \`${rule.id}\`: ${where} ${first.message}; the rule's default options are used`,
    });
    out[id] = { ...entry, options: {} };
  }
  return { ...file, rules: out };
}

function nodeAtPath(root: Node | null, path: string[], keyNode = false): Node | undefined {
  let cur: Node | null | undefined = root;
  for (let i = 0; i < path.length; i++) {
    if (!cur || !isMap(cur)) return cur ?? undefined;
    const pair = cur.items.find((p) => isScalar(p.key) && String(p.key.value) === path[i]);
    if (!pair) return cur;
    if (keyNode && i === path.length - 1) return pair.key as Node;
    cur = pair.value as Node | null;
  }
  return cur ?? undefined;
}
