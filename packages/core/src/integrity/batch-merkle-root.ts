import type { Store } from '../store/store.js';
import type { HashedTable } from './row-hash.js';

const LEAF_ROWS = 4096;
// Leaves computed per statement: an ordered string_agg holds all its rows' hashes in memory (one
// statement over a 1M-row batch raised the ingest's RSS by ~180 MB and failed under a 256 MB memory limit).
const LEAVES_PER_STEP = 32;

/**
 * Merkle root of a batch: row hashes in `seq` order are grouped 4,096 to a leaf (by `seq // 4096`),
 * each leaf hashed, and the leaf hashes hashed in order; two levels keep every string DuckDB
 * aggregates small. The leaves are computed 32 leaves (131,072 rows) at a time, over the quotients
 * `seq // 131072` that rows carrying the batch id have (wherever their seq, so a row added behind
 * Touchstone's back, even at a negative seq, still changes the root), so memory stays bounded on
 * batches of any size: on 10M rows the one-statement root fails under a 512 MB memory limit, this
 * takes 565 MB of RSS. Each step also bounds `seq` to an interval holding its quotient's rows
 * (DuckDB's `//` truncates toward zero, so quotient 0 spans both signs), which lets zone maps skip
 * the other row groups. Hex SHA-256.
 */
export async function batchMerkleRoot(store: Store, table: HashedTable, batchId: number, leavesPerStep = LEAVES_PER_STEP): Promise<string> {
  const step = LEAF_ROWS * leavesPerStep;
  const ranges = await store.all<{ k: number }>({ sql: `SELECT DISTINCT seq // ${step} AS k FROM ${table} WHERE batch_id = $1 ORDER BY k`, params: [batchId] });
  const leaves: string[] = [];
  for (const { k } of ranges) {
    const rows = await store.all<{ h: string }>({
      sql: `SELECT sha256(string_agg(row_hash, '' ORDER BY seq)) AS h FROM ${table}
        WHERE batch_id = $1 AND seq // ${step} = $2::BIGINT AND seq > $3::BIGINT AND seq < $4::BIGINT
        GROUP BY seq // ${LEAF_ROWS} ORDER BY seq // ${LEAF_ROWS}`,
      params: [batchId, k, (k - 1) * step, (k + 1) * step],
    });
    for (const r of rows) leaves.push(r.h);
  }
  const [root] = await store.all<{ root: string }>({ sql: 'SELECT sha256($1::VARCHAR) AS root', params: [leaves.join('')] });
  return root?.root ?? '';
}
