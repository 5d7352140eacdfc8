import { stripControl } from '../sanitize/strip-control.js';

export type Loaded<T> =
  | { readonly state: 'loading'; readonly startedAt: number }
  | { readonly state: 'ok'; readonly value: T; readonly ms: number }
  | { readonly state: 'error'; readonly message: string };

export interface ResourceCache {
  /** The settled result for `key`, or the loading state while it runs, or undefined if never asked. */
  peek<T>(key: string): Loaded<T> | undefined;
  /** Starts `load` once per key (a second call while loading shares the first) and resolves with its result. */
  load<T>(key: string, load: () => Promise<T>): Promise<Loaded<T>>;
}

/**
 * Results kept while navigating: going back to a screen shows what it showed, without a reload.
 * Errors are kept too (with a terminal-safe message), so a failing panel does not retry in a loop.
 */
export function createResourceCache(now: () => number = Date.now): ResourceCache {
  const entries = new Map<string, { state: Loaded<unknown>; promise?: Promise<Loaded<unknown>> }>();
  return {
    peek<T>(key: string) {
      return entries.get(key)?.state as Loaded<T> | undefined;
    },
    load<T>(key: string, load: () => Promise<T>) {
      const existing = entries.get(key)?.promise;
      if (existing !== undefined) return existing as Promise<Loaded<T>>;
      const startedAt = now();
      const entry: { state: Loaded<unknown>; promise?: Promise<Loaded<unknown>> } = { state: { state: 'loading', startedAt } };
      entries.set(key, entry);
      const promise = load().then(
        (value): Loaded<unknown> => (entry.state = { state: 'ok', value, ms: now() - startedAt }),
        (error: unknown): Loaded<unknown> => (entry.state = { state: 'error', message: stripControl(error instanceof Error ? error.message : String(error)) }),
      );
      entry.promise = promise;
      return promise as Promise<Loaded<T>>;
    },
  };
}
