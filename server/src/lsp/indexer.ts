// Indexes the lintable files of the workspace folders in the background, in chunks, with work-done progress.
import type { Connection } from 'vscode-languageserver';
import { LINTABLE } from '../host/files';
import type { ServerDeps } from './deps';
import type { DiskFiles } from './diskFiles';
import type { FileStore } from './fileStore';
import type { Logger } from './guard';
import { isConfigFile, isInside, keyForPath, pathOfKey } from './uri';

/** Time slice of one chunk of indexing before yielding to queued messages. */
const SLICE_MS = 15;

export interface IndexResult { files: number; configFiles: string[] }

export class Indexer {
  private folders: string[] = [];
  private run = 0;
  private current?: Promise<IndexResult>;
  private indexedCount = 0;
  private active = false;
  /** Keys of indexed files (lintable files on disk under the folders, as of the last walk). */
  walked: string[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly deps: ServerDeps,
    private readonly store: FileStore,
    private readonly disk: DiskFiles,
    private readonly log: Logger,
    private readonly progressSupported: () => boolean,
  ) {}

  get indexedFiles(): number { return this.indexedCount; }
  get indexing(): boolean { return this.active; }
  get workspaceFolders(): readonly string[] { return this.folders; }

  setFolders(folders: readonly string[]): void { this.folders = [...new Set(folders)]; }


  /**
   * Walks the folders and loads every lintable file; a newer call supersedes a running one.
   * Resolves when the newest run has finished.
   */
  index(report?: (done: number, total: number) => void): Promise<IndexResult> {
    const id = ++this.run;
    const task = this.indexOnce(id, report);
    this.current = task;
    return task;
  }

  private async indexOnce(id: number, report?: (done: number, total: number) => void): Promise<IndexResult> {
    this.active = true;
    let progress = this.progressSupported() ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    const release = this.store.hold();
    try {
      progress?.begin('Lintel: indexing workspace', 0, undefined, false);
      const walk = this.folders.length ? this.deps.files.walk(this.folders, this.deps.maxIndexedFiles) : { files: [], problems: [] };
      if (walk.files.length >= this.deps.maxIndexedFiles) this.log.info(`indexing stopped at ${this.deps.maxIndexedFiles} files`);
      const keys = walk.files.filter((p) => LINTABLE.test(p)).map(keyForPath);
      const configFiles = keys.filter(isConfigFile);
      let sliceStart = this.deps.timers.now();
      for (let i = 0; i < keys.length; i++) {
        if (id !== this.run) break;
        this.disk.load(keys[i]);
        if (this.deps.timers.now() - sliceStart > SLICE_MS) {
          const pct = Math.round(((i + 1) * 100) / keys.length);
          progress?.report(pct, `${i + 1}/${keys.length} files`);
          report?.(i + 1, keys.length);
          await this.deps.timers.yield();
          sliceStart = this.deps.timers.now();
        }
      }
      if (id !== this.run) {
        // Superseded by a newer run: answer with its result, so every caller sees a complete index.
        progress?.done();
        progress = undefined;
        release();
        return await this.current!;
      }
      // Files that were indexed before but are gone from disk (or now ignored) leave the store.
      const found = new Set(keys);
      for (const key of this.store.keys()) {
        const path = pathOfKey(key);
        if (path && !found.has(key) && this.folders.some((f) => isInside(path, f))) this.disk.forget(key);
      }
      this.walked = keys;
      this.indexedCount = keys.length;
      report?.(keys.length, keys.length);
      return { files: keys.length, configFiles };
    } finally {
      progress?.done();
      release();
      if (id === this.run) this.active = false;
    }
  }
}
