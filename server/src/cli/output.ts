// Writes a report to standard output or to the --output file (creating its folder).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CliIo } from './io';

export function writeReport(io: CliIo, text: string, outputFile?: string): void {
  if (!outputFile) { io.stdout(text); return; }
  const path = resolve(io.cwd, outputFile);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
