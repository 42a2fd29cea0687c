// Parses and validates `.lintel.yaml` text; invalid parts become diagnostics and defaults are used.
import Ajv from 'ajv';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import schema from '../../../schemas/lintel-config.schema.json';
import { LineIndex } from '../text/lineIndex';
import type { FileError } from '../types';
import type { Rule } from '../rule';
import { EffectiveConfig, type LintelConfigFile } from './config';

export const CONFIG_FILE_NAMES = ['.lintel.yaml', '.lintel.yml'];

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
  return { config: new EffectiveConfig(file, rules), errors };
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
