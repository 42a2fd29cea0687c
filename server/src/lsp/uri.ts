// Document keys: one normalised spelling per file URI, and the file path behind it when there is one.
import { basename, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONFIG_FILE_NAMES, fileLanguage } from '../engine';

/** Suffix that gives a YAML/JSON buffer without such an extension (an untitled editor) a lintable key. */
const LANGUAGE_SUFFIX = /#lintel\.(yaml|json)$/;

/** The key the workspace uses for a document: file URIs normalised, others as given. */
export function documentKey(uri: string, languageId?: string): string {
  let key = uri;
  if (uri.startsWith('file:')) {
    try { key = pathToFileURL(fileURLToPath(uri)).href; } catch { key = uri; }
  }
  if (languageId && fileLanguage(key) === 'other' && (languageId === 'yaml' || languageId === 'json')) key += `#lintel.${languageId}`;
  return key;
}

export function keyForPath(path: string): string { return pathToFileURL(path).href; }

/** The file-system path of a key, or undefined for buffers that are not files. */
export function pathOfKey(key: string): string | undefined {
  if (!key.startsWith('file:')) return undefined;
  try { return fileURLToPath(key.replace(LANGUAGE_SUFFIX, '')); } catch { return undefined; }
}

export function isConfigFile(key: string): boolean {
  const path = pathOfKey(key);
  return !!path && CONFIG_FILE_NAMES.includes(basename(path));
}

/** Whether `path` lies inside `folder` (or is it). */
export function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}
