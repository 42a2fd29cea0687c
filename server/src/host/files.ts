// File-system side of the hosts: walks folders for lintable files and reads them with size and encoding checks.
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { decodeFileBytes, sizeLimitMessage, type DecodeFailure } from '../engine';

export const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.terraform', '.hg', '.svn']);
export const LINTABLE = /\.(ya?ml|json)$/i;

export interface WalkResult { files: string[]; problems: Array<{ path: string; message: string }> }

/** Lintable files under the given paths (files are taken as given), bounded against symlink loops. */
export function walkFiles(paths: readonly string[], maxFiles = 200_000): WalkResult {
  const out: WalkResult = { files: [], problems: [] };
  const seen = new Set<string>();
  const visit = (p: string, explicit: boolean) => {
    let st;
    try { st = statSync(p); } catch (e) { out.problems.push({ path: p, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }); return; }
    if (st.isDirectory()) {
      let real: string;
      try { real = realpathSync(p); } catch { return; }
      if (seen.has(real)) { out.problems.push({ path: p, message: 'symlink loop or repeated folder; skipped' }); return; }
      seen.add(real);
      let entries;
      try { entries = readdirSync(p, { withFileTypes: true }); } catch (e) { out.problems.push({ path: p, message: `cannot list: ${(e as NodeJS.ErrnoException).code}` }); return; }
      for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (out.files.length >= maxFiles) return;
        if (e.isDirectory() && SKIPPED_DIRS.has(e.name)) continue;
        if (e.isFile() && !LINTABLE.test(e.name)) continue;
        visit(join(p, e.name), false);
      }
    } else if (st.isFile() && (explicit || LINTABLE.test(p))) {
      out.files.push(p);
    }
  };
  for (const p of paths) visit(p, true);
  return out;
}

/** Why a file cannot be linted: the content checks' reasons, or the file system's. */
export type ReadFailure = DecodeFailure | 'unreadable' | 'not-a-file';

export type ReadResult = { ok: true; text: string } | { ok: false; kind: ReadFailure; reason: string };

/**
 * Reads a file as text, refusing what is not a regular file (a FIFO would block the process),
 * files over `maxBytes` (never read further than that), binary files and non-UTF-8 bytes.
 */
export function readSourceFile(path: string, maxBytes: number): ReadResult {
  let fd: number | undefined;
  try {
    // Opened without blocking and checked on the open descriptor: nothing can swap in a FIFO between check and read.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, kind: 'not-a-file', reason: `not a regular file (${whatIs(st)}); skipped` };
    if (st.size > maxBytes) return { ok: false, kind: 'too-large', reason: sizeLimitMessage(st.size, maxBytes) };
    const decoded = decodeFileBytes(readAtMost(fd, st.size, maxBytes), maxBytes);
    return decoded.ok ? { ok: true, text: decoded.text } : decoded;
  } catch (e) {
    return { ok: false, kind: 'unreadable', reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether something exists at `path` (a file that may then be refused by readSourceFile). */
export function pathExists(path: string): boolean {
  try { statSync(path); return true; } catch { return false; }
}

function whatIs(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a file';
}

/** The file's bytes, at most one past `maxBytes` (a file that grew after its size was read is still bounded). */
function readAtMost(fd: number, expected: number, maxBytes: number): Uint8Array {
  const cap = Math.floor(maxBytes) + 1;
  let buf = Buffer.allocUnsafe(Math.min(expected + 1, cap));
  let n = 0;
  for (;;) {
    if (n === buf.length) {
      if (buf.length >= cap) break;
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, cap));
      buf.copy(bigger, 0, 0, n);
      buf = bigger;
    }
    const got = readSync(fd, buf, n, buf.length - n, null);
    if (got === 0) break;
    n += got;
  }
  return buf.subarray(0, n);
}
