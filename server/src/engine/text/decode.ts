// Turns file bytes into text, refusing binary and non-UTF-8 content with a clear reason.

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

export function decodeFileBytes(bytes: Uint8Array, maxBytes: number): Decoded {
  if (bytes.length > maxBytes) {
    return { ok: false, reason: `file is ${mb(bytes.length)}, over the ${mb(maxBytes)} limit; skipped (set maxFileSizeMB in .lintel.yaml to raise it)` };
  }
  // UTF-16 (e.g. Windows PowerShell's `>` redirection) is full of NUL bytes: name it, not "binary".
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, reason: 'UTF-16 text (byte-order mark at the start); skipped: save the file as UTF-8' };
  }
  const probe = Math.min(bytes.length, 8192);
  for (let i = 0; i < probe; i++) {
    if (bytes[i] === 0) return { ok: false, reason: 'binary file (contains NUL bytes); skipped' };
  }
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch {
    return { ok: false, reason: `not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)}); skipped` };
  }
}

function mb(n: number): string { return `${(n / 1024 / 1024).toFixed(1)} MB`; }

function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const len = c < 0x80 ? 1 : (c & 0xe0) === 0xc0 ? 2 : (c & 0xf0) === 0xe0 ? 3 : (c & 0xf8) === 0xf0 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}
