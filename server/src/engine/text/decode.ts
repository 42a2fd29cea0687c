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

/**
 * Offset of the first byte that starts no well-formed UTF-8 sequence (Unicode Table 3-7): the
 * second byte's range rules out overlong forms, UTF-16 surrogates and code points past U+10FFFF,
 * which the decoder rejects too, so the offset reported is where it failed.
 */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let len: number, lo = 0x80, hi = 0xbf;
    if (c < 0x80) len = 1;
    else if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) { len = 3; if (c === 0xe0) lo = 0xa0; else if (c === 0xed) hi = 0x9f; }
    else if (c >= 0xf0 && c <= 0xf4) { len = 4; if (c === 0xf0) lo = 0x90; else if (c === 0xf4) hi = 0x8f; }
    else return i;
    for (let k = 1; k < len; k++) {
      const x = b[i + k];
      if (i + k >= b.length || x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return i;
    }
    i += len;
  }
  return i;
}
