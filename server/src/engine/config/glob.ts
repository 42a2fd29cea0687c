// Minimal glob matching for ignorePaths: `**`, `*`, `?` and literal text, on forward-slash paths.

/**
 * A pattern compiled to steps. Matching is a table over (step, path offset), so its time is
 * bounded by pattern length × path length: the regular expressions this used to build
 * backtracked exponentially on patterns like `*a*a*a*a*a*a*a*a*a*a*c` (19 s on a 40-character
 * path), and `.lintel.yaml` comes from the workspace, which may not be trusted.
 */
type Step =
  | { kind: 'char'; c: string }
  | { kind: 'any' } // `?`: one character except `/`
  | { kind: 'star' } // `*`: any run without `/`
  | { kind: 'globstar' } // `**` not followed by `/`: any run
  | { kind: 'dirs' } // `**/`: zero or more whole folders
  | { kind: 'rest' } // after a trailing `/`: everything below
  | { kind: 'below' }; // the end, or a `/` and anything below (a matched folder covers its content)

// Compiled patterns, bounded: in the editor every edit of `ignorePaths` brings new patterns.
const cache = new Map<string, Step[]>();
const CACHE_LIMIT = 512;

export function matchesGlob(path: string, pattern: string): boolean {
  let steps = cache.get(pattern);
  if (!steps) {
    steps = compile(pattern.replace(/^\.\//, ''));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(pattern, steps);
  }
  if (matches(steps, path)) return true;
  // A pattern without a slash matches at any depth, as in .gitignore: a file name or a folder
  // name anywhere on the path (the steps also cover everything below a matched folder).
  if (pattern.includes('/')) return false;
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) if (matches(steps, parts.slice(i).join('/'))) return true;
  return false;
}

function compile(p: string): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*' && p[i + 1] === '*') {
      if (p[i + 2] === '/') { steps.push({ kind: 'dirs' }); i += 2; } else { steps.push({ kind: 'globstar' }); i += 1; }
    } else if (c === '*') steps.push({ kind: 'star' });
    else if (c === '?') steps.push({ kind: 'any' });
    else steps.push({ kind: 'char', c });
  }
  // A directory pattern also covers everything below it.
  const last = steps[steps.length - 1];
  steps.push(last?.kind === 'char' && last.c === '/' ? { kind: 'rest' } : { kind: 'below' });
  return steps;
}

/** Whether the whole path matches: ok[i][j] says steps i… match path j…, filled from the end. */
function matches(steps: Step[], path: string): boolean {
  const n = path.length;
  let next = new Uint8Array(n + 1);
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i];
    const cur = new Uint8Array(n + 1);
    if (s.kind === 'rest') cur.fill(1);
    else if (s.kind === 'below') for (let j = 0; j <= n; j++) cur[j] = j === n || path[j] === '/' ? 1 : 0;
    else if (s.kind === 'dirs') {
      // Either no folder, or any run ending with `/`, then the next step.
      let endsInSlash = 0;
      for (let j = n; j >= 0; j--) {
        if (j < n && path[j] === '/' && next[j + 1]) endsInSlash = 1;
        cur[j] = next[j] || endsInSlash;
      }
    } else {
      for (let j = n; j >= 0; j--) {
        const ch = path[j];
        if (s.kind === 'char') cur[j] = j < n && ch === s.c ? next[j + 1] : 0;
        else if (s.kind === 'any') cur[j] = j < n && ch !== '/' ? next[j + 1] : 0;
        else if (s.kind === 'star') cur[j] = next[j] || (j < n && ch !== '/' ? cur[j + 1] : 0);
        else cur[j] = next[j] || (j < n ? cur[j + 1] : 0);
      }
    }
    next = cur;
  }
  return next[0] === 1;
}
