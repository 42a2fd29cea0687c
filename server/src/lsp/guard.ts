// Keeps the server alive: every handler runs inside a guard that logs exceptions and answers with a fallback.
import { ResponseError } from 'vscode-languageserver';

export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

export function describeError(e: unknown): string {
  if (e instanceof Error) return e.stack ?? `${e.name}: ${e.message}`;
  return String(e);
}

export class Guard {
  constructor(private readonly log: Logger) {}

  /** Runs a synchronous piece of work; an exception is logged, never thrown. */
  run(name: string, fn: () => void): void {
    try { fn(); } catch (e) { this.log.error(`${name} failed: ${describeError(e)}`); }
  }

  /** Wraps a request handler: protocol errors pass through, anything else is logged and answered with `fallback`. */
  request<P extends unknown[], R>(name: string, fallback: R, fn: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
    return async (...args: P) => {
      try {
        return await fn(...args);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        this.log.error(`${name} failed: ${describeError(e)}`);
        return fallback;
      }
    };
  }

  /** Wraps a notification handler. */
  notification<P extends unknown[]>(name: string, fn: (...args: P) => void | Promise<void>): (...args: P) => void {
    return (...args: P) => {
      try {
        const r = fn(...args);
        if (r && typeof (r as Promise<void>).catch === 'function') (r as Promise<void>).catch((e) => this.log.error(`${name} failed: ${describeError(e)}`));
      } catch (e) {
        this.log.error(`${name} failed: ${describeError(e)}`);
      }
    };
  }
}
