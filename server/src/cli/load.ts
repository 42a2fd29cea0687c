// Loads every file to check into one engine Workspace (cross-file rules need them all) with its governing configuration.
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { checkSourceText, CONFIG_FILE_NAMES, decodeFileBytes, EffectiveConfig, Workspace, type FileError, type Rule } from '../engine';
import { ConfigFinder } from '../host/configFinder';
import { readSourceFile, walkFiles } from '../host/files';
import { UsageError } from './args';
import { fileUri, STDIN_URI } from './paths';

export interface Target {
  uri: string;
  /** Absolute path on disk; undefined for standard input. */
  path?: string;
  config: EffectiveConfig;
}

export interface LoadedWorkspace {
  ws: Workspace;
  targets: Target[];
  /** Problems outside the linted files: configuration files, paths that could not be walked. */
  errors: FileError[];
}

export interface LoadOptions {
  cwd: string;
  rules: readonly Rule[];
  /** `--config FILE`: one configuration for every file instead of the nearest `.lintel.yaml`. */
  configPath?: string;
  /** What standard input held when `-` is among the paths: its bytes, or text already decoded. */
  stdinText?: string | Uint8Array;
}

export function loadWorkspace(paths: readonly string[], opts: LoadOptions): LoadedWorkspace {
  const configPath = opts.configPath === undefined ? undefined : resolve(opts.cwd, opts.configPath);
  if (configPath !== undefined && !existsSync(configPath)) throw new UsageError(`configuration file not found: ${opts.configPath}`);
  const finder = new ConfigFinder(opts.rules, configPath);
  const ws = new Workspace();
  const out: LoadedWorkspace = { ws, targets: [], errors: [] };
  const reportedConfigs = new Set<string>();
  const configFor = (file: string): EffectiveConfig => {
    const found = finder.forFile(file);
    if (found.path && !reportedConfigs.has(found.path)) {
      reportedConfigs.add(found.path);
      out.errors.push(...found.errors);
    }
    return found.config;
  };

  // An explicit configuration is loaded up front, so its problems are reported even when no file is found.
  if (configPath !== undefined) configFor(configPath);

  const diskPaths = paths.filter((p) => p !== '-').map((p) => resolve(opts.cwd, p));
  for (const [i, p] of diskPaths.entries()) {
    if (!existsSync(p)) throw new UsageError(`no such file or folder: ${paths.filter((x) => x !== '-')[i]}`);
  }
  const walked = walkFiles(diskPaths);
  for (const problem of walked.problems) out.errors.push({ uri: fileUri(problem.path), severity: 'warning', message: problem.message });

  const seen = new Set<string>();
  const explicit = new Set(diskPaths);
  for (const file of walked.files) {
    if (seen.has(file)) continue;
    seen.add(file);
    // Configuration files found in folders are not manifests; they are read as configuration.
    if (!explicit.has(file) && CONFIG_FILE_NAMES.includes(basename(file))) continue;
    if (finder.isIgnored(file)) {
      // A file named on the command line is not skipped silently: `lintel scan vendor/x.yaml`
      // must not read as a clean result.
      if (explicit.has(file)) out.errors.push({ uri: fileUri(file), severity: 'warning', message: 'ignored by ignorePaths in the configuration; not checked' });
      continue;
    }
    const config = configFor(file);
    const uri = fileUri(file);
    const read = readSourceFile(file, config.maxFileBytes);
    if (read.ok) ws.set(uri, read.text);
    else ws.setUnreadable(uri, read.reason);
    out.targets.push({ uri, path: file, config });
  }

  if (paths.includes('-')) {
    // Standard input is governed by the configuration of the current folder.
    const config = configFor(resolve(opts.cwd, 'stdin.yaml'));
    const input = opts.stdinText ?? '';
    const read = typeof input === 'string' ? checkSourceText(input, config.maxFileBytes) : decodeFileBytes(input, config.maxFileBytes);
    if (read.ok) ws.set(STDIN_URI, read.text);
    else ws.setUnreadable(STDIN_URI, read.reason);
    out.targets.push({ uri: STDIN_URI, config });
  }
  return out;
}
