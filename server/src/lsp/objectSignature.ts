// A digest of the Kubernetes objects a file contributes to the workspace, ignoring comment-only lines.
import { createHash } from 'node:crypto';
import type { AnalyzedFile } from '../engine';

const KUSTOMIZATION = /(^|\/)kustomization\.ya?ml$/i;
const COMMENT_LINE = /^[ \t]*#.*(\r?\n|$)/gm;

/** Empty when the file adds nothing other files' rules can see; otherwise a digest that changes with the objects. */
export function objectSignature(file: AnalyzedFile | undefined): string {
  if (!file) return '';
  const kustomization = KUSTOMIZATION.test(file.uri);
  if (file.objects.length === 0 && !kustomization) return '';
  const hash = createHash('sha1');
  if (kustomization) hash.update(file.text);
  const seen = new Set<number>();
  for (const o of file.objects) {
    // Several objects can come from one YAML document (a List); hash each document once.
    if (seen.has(o.yamlDoc.start)) continue;
    seen.add(o.yamlDoc.start);
    hash.update(file.text.slice(o.yamlDoc.start, o.yamlDoc.end).replace(COMMENT_LINE, ''));
    hash.update('\u0000');
  }
  return hash.digest('base64');
}

/** Whether a file takes part in cross-file analysis at all (and so is worth keeping in memory when not open). */
export function isWorkspaceRelevant(file: AnalyzedFile): boolean {
  return file.objects.length > 0 || file.errors.length > 0 || KUSTOMIZATION.test(file.uri);
}
