// Turns file bytes (or text an editor holds) into lintable text, refusing too large, binary and non-UTF-8 content with a clear reason.

/** Why content cannot be linted. */
export type DecodeFailure = 'too-large' | 'binary' | 'encoding';

export type Decoded = { ok: true; text: string } | { ok: false; kind: DecodeFailure; reason: string };

const KB = 1024;
const MB = 1024 * 1024;
/** NUL bytes (or characters) within this many from the start mark a binary file. */
const BINARY_PROBE = 8192;
const BINARY = 'binary file (contains NUL bytes); skipped';

export function decodeFileBytes(bytes: Uint8Array, maxBytes: number): Decoded {
  if (bytes.length > maxBytes) return { ok: false, kind: 'too-large', reason: sizeLimitMessage(bytes.length, maxBytes) };
  // UTF-16 (e.g. Windows PowerShell's `>` redirection) is full of NUL bytes: name it, not "binary".
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, kind: 'encoding', reason: 'UTF-16 text (byte-order mark at the start); skipped: save the file as UTF-8' };
  }
  const probe = Math.min(bytes.length, BINARY_PROBE);
  for (let i = 0; i < probe; i++) {
    if (bytes[i] === 0) return { ok: false, kind: 'binary', reason: BINARY };
  }
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch {
    return { ok: false, kind: 'encoding', reason: `not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)}); skipped` };
  }
}

/**
 * The same checks for text that is already decoded (an editor's buffer): its UTF-8 size against
 * the limit, and NUL characters near the start.
 */
export function checkSourceText(text: string, maxBytes: number): Decoded {
  // A UTF-16 unit takes at most 3 UTF-8 bytes: count exactly only when the text may be over.
  if (text.length * 3 > maxBytes) {
    const size = utf8Length(text);
    if (size > maxBytes) return { ok: false, kind: 'too-large', reason: sizeLimitMessage(size, maxBytes) };
  }
  if (text.slice(0, BINARY_PROBE).includes('\u0000')) return { ok: false, kind: 'binary', reason: BINARY };
  return { ok: true, text };
}

/** `file is 1.4 MB, over the 1.0 MB limit; …`, precise enough that the two sizes never read alike. */
export function sizeLimitMessage(size: number, maxBytes: number): string {
  let have = formatSize(size);
  let limit = formatSize(maxBytes);
  if (have === limit) { have = `${size} bytes`; limit = `${Math.floor(maxBytes)} bytes`; }
  return `file is ${have}, over the ${limit.replace(/ bytes$/, '-byte')} limit; skipped (set maxFileSizeMB in .lintel.yaml to raise it)`;
}

/** A size in the unit that suits it: `969 bytes`, `12.5 KB`, `3.0 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < KB) return `${Math.floor(bytes)} bytes`;
  if (bytes < MB) return `${(bytes / KB).toFixed(1)} KB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** Bytes the text takes in UTF-8 (a lone surrogate is written as U+FFFD, three bytes). */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

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
