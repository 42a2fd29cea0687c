// Unified diff of two texts (Myers' algorithm on lines, three lines of context), for `lintel fix --dry-run`.

type Op = { kind: ' ' | '-' | '+'; line: string };

const CONTEXT = 3;
/** Beyond this many differing lines the changed middle is shown as one replaced block. */
const MAX_MIDDLE = 20_000;

export function unifiedDiff(before: string, after: string, oldName: string, newName: string): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const hunks = toHunks(ops);
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  for (const h of hunks) {
    out.push(`@@ -${range(h.aStart, h.aLen)} +${range(h.bStart, h.bLen)} @@`);
    for (const op of h.ops) {
      const text = op.line.replace(/\n$/, '');
      out.push(`${op.kind}${text}`);
      if (!op.line.endsWith('\n')) out.push('\\ No newline at end of file');
    }
  }
  return `${out.join('\n')}\n`;
}

/** Lines with their terminators, so a changed line ending is a change. */
function splitLines(text: string): string[] {
  if (text === '') return [];
  return text.split(/(?<=\n)/);
}

function diffLines(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const midA = a.slice(pre, a.length - suf);
  const midB = b.slice(pre, b.length - suf);
  const middle = midA.length + midB.length > MAX_MIDDLE
    ? [...midA.map((line) => ({ kind: '-' as const, line })), ...midB.map((line) => ({ kind: '+' as const, line }))]
    : myers(midA, midB);
  return [
    ...a.slice(0, pre).map((line) => ({ kind: ' ' as const, line })),
    ...middle,
    ...a.slice(a.length - suf).map((line) => ({ kind: ' ' as const, line })),
  ];
}

/** Shortest edit script (Myers 1986): greedy furthest-reaching paths per diagonal, then a walk back. */
function myers(a: string[], b: string[]): Op[] {
  const n = a.length, m = b.length, max = n + m, off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[off + k] = x;
      if (x >= n && y >= m) { found = d; break; }
    }
  }
  const ops: Op[] = [];
  let x = n, y = m;
  for (let d = found; d >= 0; d--) {
    const prev = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && prev[off + k - 1] < prev[off + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : prev[off + prevK];
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) { ops.push({ kind: ' ', line: a[x - 1] }); x--; y--; }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: '+', line: b[prevY] });
      else ops.push({ kind: '-', line: a[prevX] });
    }
    x = prevX; y = prevY;
  }
  return ops.reverse();
}

interface Hunk { aStart: number; aLen: number; bStart: number; bLen: number; ops: Op[] }

function toHunks(ops: Op[]): Hunk[] {
  const hunks: Hunk[] = [];
  // Positions (1-based) of each op in the old and new text.
  const posA: number[] = [], posB: number[] = [];
  let ia = 1, ib = 1;
  for (const op of ops) {
    posA.push(ia); posB.push(ib);
    if (op.kind !== '+') ia++;
    if (op.kind !== '-') ib++;
  }
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === ' ') { i++; continue; }
    const start = Math.max(0, i - CONTEXT);
    let end = i;
    // Extend while the next change is within twice the context of the last one.
    for (let j = i; j < ops.length; j++) {
      if (ops[j].kind !== ' ') end = j;
      else if (j - end > 2 * CONTEXT) break;
    }
    const stop = Math.min(ops.length, end + CONTEXT + 1);
    const slice = ops.slice(start, stop);
    const aLen = slice.filter((o) => o.kind !== '+').length;
    const bLen = slice.filter((o) => o.kind !== '-').length;
    hunks.push({ aStart: posA[start], aLen, bStart: posB[start], bLen, ops: slice });
    i = stop;
  }
  return hunks;
}

function range(start: number, len: number): string {
  // An empty range names the line before it, as diff and patch expect.
  const s = len === 0 ? start - 1 : start;
  return len === 1 ? `${s}` : `${s},${len}`;
}
