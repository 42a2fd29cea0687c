// Writes a report to standard output or to the --output file (creating its folder).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError } from './errors';
import type { CliIo } from './io';

export function writeReport(io: CliIo, text: string, outputFile?: string): void {
  if (!outputFile) { io.stdout(text); return; }
  const path = resolve(io.cwd, outputFile);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (e) {
    throw new CliError(`cannot write the report to ${outputFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
