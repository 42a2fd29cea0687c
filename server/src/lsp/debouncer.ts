// Per-key debounced tasks: scheduling a key again replaces its pending task.
import type { Timers } from './deps';

export class Debouncer {
  private readonly pending = new Map<string, unknown>();

  constructor(private readonly timers: Timers) {}

  schedule(key: string, delayMs: number, task: () => void): void {
    this.cancel(key);
    const handle = this.timers.setTimeout(() => {
      this.pending.delete(key);
      task();
    }, delayMs);
    this.pending.set(key, handle);
  }

  cancel(key: string): void {
    const h = this.pending.get(key);
    if (h !== undefined) {
      this.timers.clearTimeout(h);
      this.pending.delete(key);
    }
  }

  isPending(key: string): boolean { return this.pending.has(key); }

  dispose(): void {
    for (const h of this.pending.values()) this.timers.clearTimeout(h);
    this.pending.clear();
  }
}
