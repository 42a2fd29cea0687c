// Test helpers: build the CLI bundle when it is missing or older than the sources, run it, make temp workspaces.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';
import { ALL_RULES } from '../../rules';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli', 'lintel.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');

let built = false;

/** `npm test` builds first; a bare mocha run rebuilds the CLI bundle only when a source is newer. */
export function ensureCli(): void {
  if (built) return;
  built = true;
  const bundleTime = existsSync(CLI) ? statSync(CLI).mtimeMs : 0;
  const newest = Math.max(newestMtime(join(ROOT, 'server', 'src')), newestMtime(join(ROOT, 'rules')));
  if (bundleTime >= newest) return;
  const gen = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-rule-index.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`rule index generation failed: ${gen.stderr}`);
  buildSync({
    entryPoints: [join(ROOT, 'server', 'src', 'cli', 'main.ts')], outfile: CLI, bundle: true, platform: 'node',
    target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning', banner: { js: '#!/usr/bin/env node' },
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export interface CliRun { code: number | null; stdout: string; stderr: string }

export function lintel(args: readonly string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}): CliRun {
  ensureCli();
  const env: Record<string, string | undefined> = { ...process.env, ...opts.env };
  delete env.NO_COLOR;
  if (opts.env?.NO_COLOR) env.NO_COLOR = opts.env.NO_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, input: opts.input ?? '', encoding: 'utf8', env, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temp folder, removed by `cleanup()`. */
export function tempDir(prefix = 'lintel-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Copies a fixture folder into a temp folder and returns the copy's path. */
export function copyFixture(name: string): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export function write(dir: string, rel: string, content: string | Uint8Array): string {
  const p = join(dir, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
  return p;
}

/** A configuration that turns every rule off except the given ones, at the given severities. */
export function onlyRules(rules: Record<string, 'error' | 'warning' | 'info'>): string {
  const lines = ['rules:'];
  for (const r of ALL_RULES) lines.push(`  ${r.id}: ${rules[r.id] ?? 'off'}`);
  return `${lines.join('\n')}\n`;
}

export interface JsonReport {
  version: string;
  findings: Array<{ ruleId: string; severity: string; message: string; file: string; line: number; column: number; endLine: number; endColumn: number; fixable: boolean }>;
  errors: Array<{ file: string; message: string }>;
  summary: Record<string, unknown>;
}

export function json(run: CliRun): JsonReport {
  try {
    return JSON.parse(run.stdout) as JsonReport;
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
}
