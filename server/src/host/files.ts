// File-system side of the hosts: walks folders for lintable files and reads them with size and encoding checks.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFileBytes, sizeLimitMessage } from '../engine';

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

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** Reads a file as text, refusing files over `maxBytes`, binary files and non-UTF-8 bytes. */
export function readSourceFile(path: string, maxBytes: number): ReadResult {
  try {
    const size = statSync(path).size;
    if (size > maxBytes) return { ok: false, reason: sizeLimitMessage(size, maxBytes) };
    const decoded = decodeFileBytes(readFileSync(path), maxBytes);
    return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, reason: decoded.reason };
  } catch (e) {
    return { ok: false, reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}
