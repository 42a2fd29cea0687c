// The cross-object view rules get: every Kubernetes object of the workspace, indexed by kind.
import type { K8sObject } from './object';

export class K8sWorkspaceView {
  private readonly byKind = new Map<string, K8sObject[]>();
  constructor(readonly objects: readonly K8sObject[]) {
    for (const o of objects) {
      const list = this.byKind.get(o.kind);
      if (list) list.push(o); else this.byKind.set(o.kind, [o]);
    }
  }

  ofKind(...kinds: string[]): K8sObject[] {
    return kinds.flatMap((k) => this.byKind.get(k) ?? []);
  }

  /**
   * Whether two objects can be in the same namespace. An unset namespace is decided at apply
   * time, so it may match anything (unknown is never reported as a mismatch).
   */
  static mayShareNamespace(a: K8sObject, b: K8sObject): boolean {
    return a.namespace === undefined || b.namespace === undefined || a.namespace === b.namespace;
  }
}
