import { Store } from '@touchstone/core';

/** The rows of `table` in the store file `db`, opened read-only (what was really stored, whatever the CLI said). */
export async function countRows(db: string, table: string): Promise<number> {
  const store = await Store.open(db, { readOnly: true });
  try {
    return (await store.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0]?.n ?? -1;
  } finally {
    store.close();
  }
}
