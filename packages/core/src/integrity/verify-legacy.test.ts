import { afterEach, describe, expect, it } from 'vitest';
import { createSnapshot } from '../gold/snapshot.js';
import { ingestLabels } from '../ingest/ingest-labels.js';
import { ingestTraffic } from '../ingest/ingest-traffic.js';
import type { Store } from '../store/store.js';
import { jsonl, tempStore } from '../test-helpers/temp-store.js';
import { batchHash, BatchHashInputSchema, GENESIS_HASH } from './batch-hash.js';
import { parseBatchRow } from './batch-row.js';
import { verify } from './verify.js';

let open: Store | undefined;
afterEach(() => open?.close());

/** Rewrites the store as a Touchstone before batch hash v2 left it: v1 hashes, no sealed state, no chained snapshot. */
async function downgrade(store: Store): Promise<void> {
  await store.run(`DELETE FROM batches WHERE kind NOT IN ('labels', 'traffic', 'judge')`);
  await store.run(`UPDATE batches SET state = NULL, detail = NULL, field_tags = NULL, hash_version = NULL`);
  let prev = GENESIS_HASH;
  for (const raw of await store.all(`SELECT * FROM batches ORDER BY batch_id`)) {
    const b = parseBatchRow(raw);
    const hash = batchHash(BatchHashInputSchema.parse({ ...b, prev_hash: prev }));
    await store.run({ sql: `UPDATE batches SET prev_hash = $1, hash = $2 WHERE batch_id = $3`, params: [prev, hash, b.batch_id] });
    prev = hash;
  }
}

describe('verify on a store written before batch hash v2', () => {
  it('finds it intact, and says what its older batches do not cover and what to do', async () => {
    const { store, write } = await tempStore();
    open = store;
    await ingestLabels(store, { file: write('l.jsonl', jsonl([{ item_id: 'a', labeler_id: 'x', label: 1, labeled_at: '2026-01-01T00:00:00Z' }])), goldSet: 'g', scale: { kind: 'binary' }, actor: 't' });
    await ingestTraffic(store, { file: write('t.jsonl', jsonl([{ id: 'r', timestamp: '2026-01-01T00:00:00Z', input: 'hi' }])), actor: 't' });
    await createSnapshot(store, { goldSet: 'g', tag: 'v1', actor: 't' });
    await downgrade(store);
    const old = await verify(store);
    expect(old).toMatchObject({ intact: true, findings: [] });
    expect(old.notes).toHaveLength(1);
    expect(old.notes[0]).toMatch(/^2 of 2 batches predate batch hash v2: .* nor are 3 records they wrote \(gold_sets "g", items "g", snapshots "g @ v1"\)\. To bring everything under the chain, re-ingest/);
    // A newer Touchstone appends v2 batches to the old chain; the gold set is sealed from then on.
    await ingestLabels(store, { file: write('l2.jsonl', jsonl([{ item_id: 'b', labeler_id: 'x', label: 0, labeled_at: '2026-01-02T00:00:00Z' }])), goldSet: 'g', actor: 't' });
    const mixed = await verify(store);
    expect(mixed).toMatchObject({ intact: true, findings: [] });
    expect(mixed.notes[0]).toMatch(/^2 of 3 batches predate .* nor is 1 record they wrote \(snapshots "g @ v1"\)/);
    await store.run(`UPDATE items SET input = 'forged' WHERE item_id = 'a'`);
    expect((await verify(store)).findings.map((f) => [f.kind, f.table, f.item_id])).toEqual([['edited', 'items', 'g']]);
  });
});
