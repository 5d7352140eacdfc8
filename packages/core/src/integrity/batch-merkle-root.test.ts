import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../store/store.js';
import { batchMerkleRoot } from './batch-merkle-root.js';
import { merkleRootSql } from './row-hash.js';

let store: Store | undefined;
afterEach(() => store?.close());

// The oracle is the one-statement root (row-hash.ts merkleRootSql), the formula stores were sealed with.
describe('batchMerkleRoot', () => {
  it('equals the one-statement root over leaves, steps, gaps, stray far and negative seqs and other batches; sha256 of nothing when empty', async () => {
    store = await Store.open(':memory:');
    await store.run(`INSERT INTO traffic (seq, id, ts, input, batch_id, source_record, row_hash)
      SELECT i, 'r' || i, TIMESTAMPTZ '2026-01-01', 'x', CASE WHEN i % 7 = 0 THEN 2 ELSE 1 END, i, sha256(i::VARCHAR)
      FROM range(1, 30000) t(i) WHERE i % 1000 <> 5
      UNION ALL SELECT 9000000000, 'far', TIMESTAMPTZ '2026-01-01', 'x', 1, 1, sha256('far')
      UNION ALL SELECT s, 'neg' || s, TIMESTAMPTZ '2026-01-01', 'x', 1, 1, sha256(s::VARCHAR) FROM (VALUES (-5), (-4100), (-200000)) v(s)`);
    for (const batch of [1, 2, 3]) {
      const [oracle] = await store.all<{ root: string }>({ sql: merkleRootSql('traffic'), params: [batch] });
      for (const leavesPerStep of [1, 2, 256]) expect(await batchMerkleRoot(store, 'traffic', batch, leavesPerStep)).toBe(oracle?.root);
    }
    expect(await batchMerkleRoot(store, 'traffic', 3)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
