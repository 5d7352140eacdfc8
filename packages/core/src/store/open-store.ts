import { Store, type OpenStoreOptions } from './store.js';

/**
 * Opens (creating when missing, unless `readOnly`) the Touchstone store at `path`; the same as
 * `Store.open`, as a plain function for pipelines. Close it with `store.close()`.
 * @throws StoreError STORE_NOT_FOUND (read-only, no file), STORE_LOCKED (another process writes it), STORE_VERSION
 * @example const store = await openStore('.touchstone/touchstone.duckdb', { readOnly: true })
 */
export function openStore(path: string, options: OpenStoreOptions = {}): Promise<Store> {
  return Store.open(path, options);
}
