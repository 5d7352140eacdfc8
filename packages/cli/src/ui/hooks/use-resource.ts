import { useEffect, useState } from 'react';
import type { Loaded } from '../resource-cache.js';
import { useAudit } from './use-audit.js';

/**
 * Loads `key` through the audit's cache: a cached result shows at once (no loading frame when
 * coming back to a screen); otherwise the loading state, then the result. The load is a promise
 * (store queries, or a child process for statistics), so keys and rendering go on meanwhile.
 */
export function useResource<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const { cache } = useAudit();
  // Starting the load during render is safe: the cache runs each key once and shares the promise.
  const pending = cache.peek<T>(key) === undefined ? cache.load(key, load) : undefined;
  const [, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    const current = cache.peek<T>(key);
    if (current?.state === 'loading') {
      void (pending ?? cache.load(key, load)).then(() => {
        if (live) setVersion((v) => v + 1);
      });
    }
    return () => {
      live = false;
    };
    // `load` and `pending` are recreated each render; the key names what is loaded.
  }, [key, cache]);
  return cache.peek<T>(key) ?? { state: 'loading', startedAt: Date.now() };
}
