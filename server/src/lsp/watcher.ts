// File watching: registers for changes of lintable and config files, and applies disk changes to the store.
import { DidChangeWatchedFilesNotification, FileChangeType, type Connection, type DidChangeWatchedFilesParams } from 'vscode-languageserver';
import { LINTABLE } from '../host/files';
import type { DiskFiles } from './diskFiles';
import type { OpenDocuments } from './documents';
import { documentKey, isConfigFile, pathOfKey } from './uri';

export const WATCH_GLOB = '**/*.{yaml,yml,json}';

export interface WatchEvents {
  /** A configuration file was created, changed or deleted. */
  configChanged(key: string, createdOrDeleted: boolean): void;
  /** A lintable file that is not open changed on disk (its new text is in the store). */
  fileChanged(key: string, deleted: boolean): void;
}

export async function registerWatchers(connection: Connection): Promise<void> {
  await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCH_GLOB }] });
}

export function applyWatchedChanges(params: DidChangeWatchedFilesParams, docs: OpenDocuments, disk: DiskFiles, events: WatchEvents): void {
  for (const change of params.changes) {
    const key = documentKey(change.uri);
    const path = pathOfKey(key);
    if (!path || !LINTABLE.test(path)) continue;
    if (isConfigFile(key)) { events.configChanged(key, change.type !== FileChangeType.Changed); continue; }
    if (docs.isOpen(key)) continue;
    if (change.type === FileChangeType.Deleted) disk.forget(key);
    else disk.load(key);
    events.fileChanged(key, change.type === FileChangeType.Deleted);
  }
}
