// Open editor buffers: their keys, versions and unsaved text, synced into the file store lazily (once per version).
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentKey, pathOfKey } from './uri';

export interface OpenDocument { key: string; uri: string; document: TextDocument }

export interface DocumentEvents {
  opened(doc: OpenDocument): void;
  changed(doc: OpenDocument): void;
  saved(doc: OpenDocument): void;
  closed(key: string, uri: string): void;
}

export class OpenDocuments {
  private readonly docs = new TextDocuments(TextDocument);
  private readonly byKey = new Map<string, string>();
  private readonly keyOfUri = new Map<string, string>();
  private readonly byPath = new Map<string, string>();
  private readonly lastChange = new Map<string, number>();
  /** Version each document was opened with: the change event that echoes an open is not an edit. */
  private readonly openedVersion = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  listen(connection: Connection, events: DocumentEvents, guard: (name: string, fn: () => void) => void): void {
    this.docs.onDidOpen((e) => guard('didOpen', () => {
      this.openedVersion.set(e.document.uri, e.document.version);
      const doc = this.track(e.document);
      events.opened(doc);
    }));
    this.docs.onDidChangeContent((e) => guard('didChange', () => {
      if (this.openedVersion.get(e.document.uri) === e.document.version) return;
      this.openedVersion.delete(e.document.uri);
      const doc = this.track(e.document);
      this.lastChange.set(doc.key, this.now());
      events.changed(doc);
    }));
    this.docs.onDidSave((e) => guard('didSave', () => events.saved(this.track(e.document))));
    this.docs.onDidClose((e) => guard('didClose', () => {
      const key = this.keyOfUri.get(e.document.uri) ?? documentKey(e.document.uri, e.document.languageId);
      this.untrack(key, e.document.uri);
      events.closed(key, e.document.uri);
    }));
    this.docs.listen(connection);
  }

  get(key: string): OpenDocument | undefined {
    const uri = this.byKey.get(key);
    const document = uri ? this.docs.get(uri) : undefined;
    return uri && document ? { key, uri, document } : undefined;
  }

  /** The open document for a URI as the client spells it. */
  byUri(uri: string): OpenDocument | undefined {
    const key = this.keyOfUri.get(uri);
    return key ? this.get(key) : undefined;
  }

  /** Unsaved text of the file at `path`, when it is open. */
  textOfPath(path: string): string | undefined {
    const key = this.byPath.get(path);
    return key ? this.get(key)?.document.getText() : undefined;
  }

  isOpen(key: string): boolean { return this.byKey.has(key); }
  all(): OpenDocument[] { return [...this.byKey.keys()].map((k) => this.get(k)).filter((d): d is OpenDocument => !!d); }

  /** The client's spelling of a key (for notifications), or the key itself for files that are not open. */
  clientUri(key: string): string { return this.byKey.get(key) ?? key.replace(/#lintel\.(yaml|json)$/, ''); }

  /** Milliseconds since the buffer last changed (Infinity when it has not changed since it was opened). */
  sinceLastChange(key: string): number {
    const t = this.lastChange.get(key);
    return t === undefined ? Infinity : this.now() - t;
  }

  private track(document: TextDocument): OpenDocument {
    let key = this.keyOfUri.get(document.uri);
    if (!key) {
      key = documentKey(document.uri, document.languageId);
      this.keyOfUri.set(document.uri, key);
      this.byKey.set(key, document.uri);
      const path = pathOfKey(key);
      if (path) this.byPath.set(path, key);
    }
    return { key, uri: document.uri, document };
  }

  private untrack(key: string, uri: string): void {
    this.byKey.delete(key);
    this.keyOfUri.delete(uri);
    this.openedVersion.delete(uri);
    this.lastChange.delete(key);
    const path = pathOfKey(key);
    if (path && this.byPath.get(path) === key) this.byPath.delete(path);
  }
}
