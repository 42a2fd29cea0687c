// Configuration per file: the nearest .lintel.yaml (open editors' text first, else the injected file access), ignorePaths, and a generation counter.
import { checkSourceText, EffectiveConfig, type FileError, type Rule } from '../engine';
import { ConfigFinder, type ConfigForFile } from '../host/configFinder';
import type { ReadResult } from '../host/files';
import type { HostFiles } from './deps';
import { keyForPath, pathOfKey } from './uri';

export class ConfigService {
  private finder: ConfigFinder;
  /** Disk reads of configuration files, until the file is reported changed. */
  private readonly diskReads = new Map<string, ReadResult>();
  private generation = 0;
  private readonly defaults: EffectiveConfig;

  /** `openText` returns the unsaved text of a config file open in the editor. */
  constructor(private readonly rules: readonly Rule[], private readonly openText: (path: string) => string | undefined, private readonly files: HostFiles) {
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
    if (path) this.diskReads.delete(path); else this.diskReads.clear();
    // Existence of config files per folder is cached by the finder: start afresh.
    this.finder = this.makeFinder();
    this.generation++;
  }

  private makeFinder(): ConfigFinder {
    return new ConfigFinder(this.rules, undefined, {
      exists: (p) => this.openText(p) !== undefined || this.files.exists(p),
      read: (p, maxBytes) => this.read(p, maxBytes),
    });
  }

  private read(path: string, maxBytes: number): ReadResult {
    const open = this.openText(path);
    if (open !== undefined) return checkSourceText(open, maxBytes);
    let read = this.diskReads.get(path);
    if (!read) {
      read = this.files.read(path, maxBytes);
      this.diskReads.set(path, read);
    }
    return read;
  }
}
