import { StoreError } from '../errors/touchstone-error.js';
import type { Store } from '../store/store.js';

export type ColumnKind = 'int32' | 'float64';

/**
 * Streams a query's result chunk by chunk straight into typed arrays, one per column, without
 * building a JavaScript object per row (a million labels become a few typed arrays). NULLs become
 * −1 (int32) or NaN (float64).
 */
export async function readColumns<K extends string>(store: Store, sql: string, columns: Record<K, ColumnKind>): Promise<Record<K, Int32Array | Float64Array> & { rowCount: number }> {
  const names = Object.keys(columns) as K[];
  const result = await store.connection.stream(sql);
  const index = names.map((name) => {
    for (let c = 0; c < result.columnCount; c++) if (result.columnName(c) === name) return c;
    throw new StoreError('QUERY_COLUMN_MISSING', `readColumns: the query has no column ${name}`);
  });
  let capacity = 1 << 16;
  let rows = 0;
  let out = names.map((n) => (columns[n] === 'int32' ? new Int32Array(capacity) : new Float64Array(capacity)));
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    const count = chunk.rowCount;
    if (rows + count > capacity) {
      while (rows + count > capacity) capacity *= 2;
      out = out.map((a) => {
        const grown = a instanceof Int32Array ? new Int32Array(capacity) : new Float64Array(capacity);
        grown.set(a.subarray(0, rows));
        return grown;
      });
    }
    names.forEach((_, k) => {
      const vector = chunk.getColumnVector(index[k]!);
      const target = out[k]!;
      const missing = target instanceof Int32Array ? -1 : Number.NaN;
      for (let r = 0; r < count; r++) {
        const v = vector.getItem(r);
        target[rows + r] = typeof v === 'number' ? v : v === null ? missing : Number(v);
      }
    });
    rows += count;
  }
  const record = Object.fromEntries(names.map((n, k) => [n, out[k]!.slice(0, rows)])) as Record<K, Int32Array | Float64Array>;
  return Object.assign(record, { rowCount: rows });
}
