// Minimal glob matching for ignorePaths: `**`, `*`, `?` and literal text, on forward-slash paths.

const cache = new Map<string, RegExp>();

export function matchesGlob(path: string, pattern: string): boolean {
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(`^${globToRegex(pattern.replace(/^\.\//, ''))}$`);
    cache.set(pattern, re);
  }
  if (re.test(path)) return true;
  // A pattern without a slash matches at any depth, as in .gitignore: a file name or a folder
  // name anywhere on the path (the regex also covers everything below a matched folder).
  if (pattern.includes('/')) return false;
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) if (re.test(parts.slice(i).join('/'))) return true;
  return false;
}

function globToRegex(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*' && p[i + 1] === '*') {
      out += p[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += p[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A directory pattern also covers everything below it.
  return out.endsWith('/') ? `${out}.*` : `${out}(?:/.*)?`;
}
