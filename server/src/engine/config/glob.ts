// Minimal glob matching for ignorePaths: `**`, `*`, `?` and literal text, on forward-slash paths.

const cache = new Map<string, RegExp>();

export function matchesGlob(path: string, pattern: string): boolean {
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(`^${globToRegex(pattern.replace(/^\.\//, ''))}$`);
    cache.set(pattern, re);
  }
  // A pattern without a slash matches at any depth, as in .gitignore.
  return re.test(path) || (!pattern.includes('/') && re.test(path.split('/').pop() ?? ''));
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
