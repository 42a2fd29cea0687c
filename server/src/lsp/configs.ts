// Configuration per file: the nearest .lintel.yaml (open editors' text first), ignorePaths, and a generation counter.
import { readFileSync } from 'node:fs';
import { EffectiveConfig, type FileError, type Rule } from '../engine';
import { ConfigFinder, type ConfigForFile } from '../host/configFinder';
import { keyForPath, pathOfKey } from './uri';

export class ConfigService {
  private finder: ConfigFinder;
  private readonly diskText = new Map<string, string | null>();
  private generation = 0;
  private readonly defaults: EffectiveConfig;

  /** `openText` returns the unsaved text of a config file open in the editor. */
  constructor(private readonly rules: readonly Rule[], private readonly openText: (path: string) => string | undefined) {
    this.finder = this.makeFinder();
    this.defaults = new EffectiveConfig({}, rules);
  }

  /** Bumped whenever any configuration may have changed. */
  get configGeneration(): number { return this.generation; }

  forKey(key: string): ConfigForFile {
    const path = pathOfKey(key);
    return path ? this.finder.forFile(path) : { config: this.defaults, errors: [] };
  }

  maxBytes(key: string): number { return this.forKey(key).config.maxFileBytes; }

  isIgnored(key: string): boolean {
    const path = pathOfKey(key);
    return !!path && this.finder.isIgnored(path);
  }

  /** Problems of a configuration file itself, as file errors keyed like documents. */
  errorsOf(key: string): FileError[] {
    const path = pathOfKey(key);
    if (!path) return [];
    return this.finder.load(path).errors.map((e) => ({ ...e, uri: keyForPath(path) }));
  }

  /** A configuration file was created, edited, saved or deleted. */
  changed(path?: string): void {
    if (path) this.diskText.delete(path); else this.diskText.clear();
    // Existence of config files per folder is cached by the finder: start afresh.
    this.finder = this.makeFinder();
    this.generation++;
  }

  private makeFinder(): ConfigFinder {
    return new ConfigFinder(this.rules, undefined, (p) => this.readText(p));
  }

  private readText(path: string): string | undefined {
    const open = this.openText(path);
    if (open !== undefined) return open;
    if (!this.diskText.has(path)) {
      let text: string | null = null;
      try { text = readFileSync(path, 'utf8'); } catch { text = null; }
      this.diskText.set(path, text);
    }
    return this.diskText.get(path) ?? undefined;
  }
}
