import type { Store } from '@touchstone/core';

export interface SerialStore {
  /** The same store, its `all` and `run` calls queued one at a time. */
  readonly store: Store;
  /** Runs `work` with the store to itself: nothing queued runs meanwhile (`work` uses the unqueued store). */
  readonly exclusive: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * One DuckDB connection answers one query at a time; screens ask concurrently (the overview, a
 * drill-in, a search), so their queries go through one queue. The store's other members (path,
 * connection) are the store's own.
 */
export function serialStore(store: Store): SerialStore {
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
  const proxy = Object.create(store) as Store & { all: Store['all']; run: Store['run'] };
  proxy.all = (query) => exclusive(() => store.all(query));
  proxy.run = (statement) => exclusive(() => store.run(statement));
  return { store: proxy, exclusive };
}
