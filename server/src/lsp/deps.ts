// What the server is built from: rules, file-system access, timers and limits, injected so tests can replace them.
import type { Rule } from '../engine';
import { pathExists, readSourceFile, walkFiles, type ReadResult, type WalkResult } from '../host/files';

export interface HostFiles {
  /** Lintable files under the given folders, bounded. */
  walk(folders: readonly string[], maxFiles: number): WalkResult;
  /** A file's text, or why it cannot be linted (too large, binary, encoding, unreadable, not a file). */
  read(path: string, maxBytes: number): ReadResult;
  /** Whether something exists at the path (where configuration files are looked for). */
  exists(path: string): boolean;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Yields to the event loop so queued messages are handled between chunks of work. */
  yield(): Promise<void>;
  now(): number;
}

export interface ServerDeps {
  rules: readonly Rule[];
  version: string;
  files: HostFiles;
  timers: Timers;
  /** Delay between the last edit and the lint (ms). */
  debounceMs: number;
  /** Upper bound of files indexed from the workspace folders. */
  maxIndexedFiles: number;
}

export const nodeFiles: HostFiles = {
  walk: (folders, maxFiles) => walkFiles(folders, maxFiles),
  read: (path, maxBytes) => readSourceFile(path, maxBytes),
  exists: (path) => pathExists(path),
};

export const nodeTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  yield: () => new Promise((resolve) => setImmediate(resolve)),
  now: () => performance.now(),
};

export function defaultDeps(rules: readonly Rule[], version: string, overrides: Partial<ServerDeps> = {}): ServerDeps {
  return { rules, version, files: nodeFiles, timers: nodeTimers, debounceMs: 200, maxIndexedFiles: 20_000, ...overrides };
}
