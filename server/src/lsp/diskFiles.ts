// Loads files that are not open in the editor from disk into the file store, keeping only what analysis needs.
import type { ConfigService } from './configs';
import type { HostFiles } from './deps';
import type { OpenDocuments } from './documents';
import type { FileStore } from './fileStore';
import { isWorkspaceRelevant } from './objectSignature';
import { isConfigFile, pathOfKey } from './uri';

export class DiskFiles {
  constructor(
    private readonly store: FileStore,
    private readonly configs: ConfigService,
    private readonly docs: OpenDocuments,
    private readonly files: HostFiles,
  ) {}

  /**
   * Reads the file behind `key` (unless an editor has it open). Ignored, vanished and
   * irrelevant files (no Kubernetes objects, no problems) leave the store.
   */
  load(key: string): void {
    if (this.docs.isOpen(key)) return;
    const path = pathOfKey(key);
    if (!path || isConfigFile(key) || this.configs.isIgnored(key)) { this.store.delete(key); return; }
    const maxBytes = this.configs.maxBytes(key);
    const read = this.files.read(path, maxBytes);
    if (!read.ok) {
      // Gone or not a file (a folder, a FIFO): nothing to show. Content that cannot be linted: say why.
      if (read.kind === 'unreadable' || read.kind === 'not-a-file') this.store.delete(key);
      else this.store.setUnreadable(key, read.reason);
      return;
    }
    const file = this.store.setText(key, read.text, maxBytes);
    if (!isWorkspaceRelevant(file)) this.store.delete(key);
  }

  /** An editor closed the file: go back to what is on disk. */
  restore(key: string): void {
    if (pathOfKey(key)) this.load(key);
    else this.store.delete(key);
  }

  forget(key: string): void {
    if (!this.docs.isOpen(key)) this.store.delete(key);
  }
}
