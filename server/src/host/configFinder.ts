// Finds and loads the nearest `.lintel.yaml` for a file through the host's file access, caching per folder and config text.
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE_NAMES, EffectiveConfig, loadConfig, matchesGlob, type FileError, type Rule } from '../engine';
import { pathExists, readSourceFile, type ReadResult } from './files';

export interface ConfigForFile { config: EffectiveConfig; path?: string; errors: FileError[] }

/** Largest configuration file read (a configuration is a few lines; anything near this is a mistake). */
export const CONFIG_MAX_BYTES = 1024 * 1024;

/** How the finder reaches configuration files: the disk by default, an editor's buffers or a test's files otherwise. */
export interface ConfigFiles {
  exists(path: string): boolean;
  read(path: string, maxBytes: number): ReadResult;
}

export const diskConfigFiles: ConfigFiles = { exists: pathExists, read: readSourceFile };

export class ConfigFinder {
  private readonly byDir = new Map<string, string | null>();
  private readonly loaded = new Map<string, { text: string; result: ConfigForFile }>();

  constructor(private readonly rules: readonly Rule[], private readonly explicitPath?: string, private readonly files: ConfigFiles = diskConfigFiles) {}

  /** The configuration that governs `file`: the explicit one, else the nearest ancestor's, else defaults. */
  forFile(file: string): ConfigForFile {
    const path = this.explicitPath ?? this.nearest(dirname(file));
    if (!path) return { config: new EffectiveConfig({}, this.rules), errors: [] };
    return this.load(path);
  }

  load(path: string): ConfigForFile {
    const read = this.files.read(path, CONFIG_MAX_BYTES);
    if (!read.ok) {
      const why = read.kind === 'too-large' ? `it is over ${CONFIG_MAX_BYTES / 1024 / 1024} MB` : read.reason.replace(/; skipped.*$/, '');
      const message = `configuration file cannot be read (${why}); using the default configuration`;
      return { config: new EffectiveConfig({}, this.rules), path, errors: [{ uri: pathToFileURL(path).toString(), severity: 'error', message }] };
    }
    const cached = this.loaded.get(path);
    if (cached && cached.text === read.text) return cached.result;
    const { config, errors } = loadConfig(pathToFileURL(path).toString(), read.text, this.rules);
    const result = { config, path, errors };
    this.loaded.set(path, { text: read.text, result });
    return result;
  }

  /** True when the file matches an ignorePaths glob of its configuration. */
  isIgnored(file: string): boolean {
    const { config, path } = this.forFile(file);
    if (!path || config.ignorePaths.length === 0) return false;
    const rel = relative(dirname(path), file).split(sep).join('/');
    return config.ignorePaths.some((g) => matchesGlob(rel, g));
  }

  private nearest(dir: string): string | undefined {
    const chain: string[] = [];
    let cur = dir;
    for (let i = 0; i < 64; i++) {
      const known = this.byDir.get(cur);
      if (known !== undefined) { for (const d of chain) this.byDir.set(d, known); return known ?? undefined; }
      chain.push(cur);
      const hit = CONFIG_FILE_NAMES.map((n) => join(cur, n)).find((p) => this.files.exists(p));
      if (hit) { for (const d of chain) this.byDir.set(d, hit); return hit; }
      const parent = dirname(cur);
      if (parent === cur) break;
      cur = parent;
    }
    for (const d of chain) this.byDir.set(d, null);
    return undefined;
  }
}
