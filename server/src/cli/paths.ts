// File URIs for the engine and the paths shown to the user (relative to the current folder, forward slashes).
import { basename, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The URI under which standard input is linted; the extension makes the engine read it as YAML. */
export const STDIN_URI = 'stdin:///stdin.yaml';
export const STDIN_DISPLAY = '<stdin>';

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export function folderUri(path: string): string {
  const href = pathToFileURL(path).href;
  return href.endsWith('/') ? href : `${href}/`;
}

export function displayPathFor(cwd: string): (uri: string) => string {
  return (uri) => {
    if (uri === STDIN_URI) return STDIN_DISPLAY;
    if (!uri.startsWith('file:')) return uri;
    const path = fileURLToPath(uri);
    const rel = relative(cwd, path);
    if (rel === '') return basename(path);
    return rel.split(sep).join('/');
  };
}
