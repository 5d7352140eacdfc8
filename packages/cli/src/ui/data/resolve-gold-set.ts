import { listGoldSets, StoreError, UsageError, type Store } from '@touchstone/core';

/** The gold set to audit: the one named, else the only one in the store; several need --gold. */
export async function resolveGoldSet(store: Store, named: string | undefined, command: string): Promise<string> {
  if (named !== undefined) return named;
  const names = (await listGoldSets(store)).map((g) => g.name);
  const only = names[0];
  if (names.length === 1 && only !== undefined) return only;
  if (names.length === 0) throw new StoreError('NO_GOLD_SETS', `the store ${store.path} has no gold sets yet: touchstone ingest labels FILE --gold NAME (or touchstone demo)`);
  throw new UsageError('GOLD_REQUIRED', `touchstone ${command}: the store has ${names.length} gold sets (${names.join(', ')}); pick one with --gold NAME`);
}
