// Validates SARIF documents against the official SARIF 2.1.0 JSON Schema (test/fixtures/cli/sarif, draft-04).
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './cli';

let validator: ReturnType<Ajv['compile']> | undefined;

/** Schema errors as `path message` lines; empty when the document is valid. */
export function sarifSchemaErrors(doc: unknown): string[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(join(FIXTURES, 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(schema);
  }
  return validator(doc) ? [] : (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
