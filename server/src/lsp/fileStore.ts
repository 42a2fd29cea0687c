// The engine workspace as the server fills it: editor buffers over disk text, with revisions and an objects generation.
import { checkSourceText, Workspace, type AnalyzedFile } from '../engine';
import { objectSignature } from './objectSignature';

export class FileStore {
  readonly ws = new Workspace();
  private readonly revisions = new Map<string, number>();
  private readonly signatures = new Map<string, string>();
  private nextRevision = 1;
  private generation = 0;
  private batchDepth = 0;
  private batchChanged = false;
  private readonly listeners: Array<(key: string | undefined) => void> = [];

  /** Bumped whenever the set of Kubernetes objects of the workspace changes. */
  get objectsGeneration(): number { return this.generation; }

  /** Identifies the text a key currently holds; changes whenever it is replaced. */
  revision(key: string): number { return this.revisions.get(key) ?? 0; }

  get(key: string): AnalyzedFile | undefined { return this.ws.get(key); }
  has(key: string): boolean { return this.ws.has(key); }
  keys(): string[] { return this.ws.uris(); }

  /** Called with the key whose objects changed (undefined after a batch). */
  onObjectsChanged(fn: (key: string | undefined) => void): void { this.listeners.push(fn); }

  setText(key: string, text: string, maxBytes: number): AnalyzedFile {
    const checked = checkSourceText(text, maxBytes);
    if (!checked.ok) return this.setUnreadable(key, checked.reason);
    const before = this.ws.get(key);
    const after = this.ws.set(key, text);
    if (after !== before) this.touched(key);
    return after;
  }

  setUnreadable(key: string, message: string): AnalyzedFile {
    const before = this.ws.get(key);
    if (before && before.text === '' && before.errors.length === 1 && before.errors[0].message === message && !before.yaml) return before;
    const f = this.ws.setUnreadable(key, message);
    this.touched(key);
    return f;
  }

  delete(key: string): void {
    if (!this.ws.has(key)) return;
    this.ws.delete(key);
    this.revisions.delete(key);
    this.touched(key);
  }

  /** Holds object-change events back until the returned release function is called; then emits at most one. */
  hold(): () => void {
    this.batchDepth++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.batchDepth === 0 && this.batchChanged) {
        this.batchChanged = false;
        this.emit(undefined);
      }
    };
  }

  private touched(key: string): void {
    this.revisions.set(key, this.nextRevision++);
    const sig = objectSignature(this.ws.get(key));
    if ((this.signatures.get(key) ?? '') === sig) return;
    if (sig) this.signatures.set(key, sig); else this.signatures.delete(key);
    this.generation++;
    if (this.batchDepth > 0) this.batchChanged = true;
    else this.emit(key);
  }

  private emit(key: string | undefined): void {
    for (const fn of this.listeners) fn(key);
  }
}
