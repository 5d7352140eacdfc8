import { afterEach, describe, expect, it } from 'vitest';
import { ingestLabels } from '../ingest/ingest-labels.js';
import { ingestTraffic } from '../ingest/ingest-traffic.js';
import type { Store } from '../store/store.js';
import { jsonl, tempStore } from '../test-helpers/temp-store.js';
import { verify } from './verify.js';

let open: Store | undefined;
afterEach(() => open?.close());

async function seeded(): Promise<Store> {
  const { store, write } = await tempStore();
  open = store;
  const labels = Array.from({ length: 20 }, (_, i) => ({ item_id: `i${i % 10}`, labeler_id: i < 10 ? 'ann' : 'bob', label: (i % 5) + 1, labeled_at: '2026-01-01T00:00:00Z' }));
  await ingestLabels(store, { file: write('l.jsonl', jsonl(labels)), goldSet: 'g', scale: { kind: 'ordinal', min: 1, max: 5 }, actor: 't' });
  await ingestLabels(store, { file: write('l2.jsonl', jsonl([{ item_id: 'x', labeler_id: 'cy', label: 3, labeled_at: '2026-01-02T00:00:00Z' }])), goldSet: 'h', actor: 't' });
  await ingestTraffic(store, { file: write('t.jsonl', jsonl([{ id: 'r1', timestamp: '2026-01-01T00:00:00Z', input: 'hello' }])), actor: 't' });
  return store;
}

describe('verify', () => {
  it('finds an untouched store intact and reports the head hash of the batch chain', async () => {
    const store = await seeded();
    const r = await verify(store);
    expect(r).toMatchObject({ intact: true, batches_checked: 3, rows_checked: { labels: 21, traffic: 1, judge_scores: 0 }, findings: [] });
    expect(r.head_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names a label edited with raw SQL', async () => {
    const store = await seeded();
    await store.run(`UPDATE labels SET label_value = 5 WHERE item_id = 'i3' AND labeler_id = 'bob'`);
    const r = await verify(store);
    expect(r.intact).toBe(false);
    expect(r.findings).toEqual([
      expect.objectContaining({ kind: 'edited', table: 'labels', item_id: 'i3', labeler_id: 'bob', seq: 14, batch_id: 1 }),
    ]);
  });

  it('names deleted and inserted rows, and a batch whose Merkle root no longer matches', async () => {
    const store = await seeded();
    await store.run(`DELETE FROM labels WHERE seq = 2`);
    await store.run(`INSERT INTO labels SELECT * REPLACE (999 AS seq, 'mallory' AS labeler_id, 5 AS label_value, NULL AS label_text, 1 AS batch_id, 1 AS source_record) FROM labels WHERE seq = 1`);
    const kinds = (await verify(store)).findings.map((f) => [f.kind, f.seq, f.labeler_id]);
    expect(kinds).toEqual(expect.arrayContaining([['batch_altered', null, null], ['deleted', 2, null], ['inserted', 999, 'mallory']]));
    expect(kinds.filter((k) => k[0] === 'edited')).toEqual([]);
  });

  it('detects a label whose hash was recomputed to match (batch root) and a rewritten batch count', async () => {
    const store = await seeded();
    await store.run(`UPDATE labels SET label_value = 1 WHERE seq = 5`);
    await store.run(`UPDATE labels SET row_hash = sha256(json_array(seq, gold_set, item_id, labeler_id, label_value, label_text, epoch_us(labeled_at), slice, guideline_version, session_id, rationale, batch_id, source_record, source_ref)::VARCHAR) WHERE seq = 5`);
    await store.run(`UPDATE batches SET n_rejected = 0, actor = 'someone-else' WHERE batch_id = 3`);
    const f = (await verify(store)).findings;
    expect(f.map((x) => [x.kind, x.batch_id])).toEqual([['batch_altered', 1], ['batch_altered', 3]]);
  });

  it('limits row findings to one gold set with goldSet', async () => {
    const store = await seeded();
    await store.run(`UPDATE labels SET label_value = 1 WHERE gold_set = 'h'`);
    expect((await verify(store, 'g')).findings.filter((f) => f.table === 'labels' && f.kind === 'edited')).toEqual([]);
    expect((await verify(store, 'h')).findings.filter((f) => f.kind === 'edited')).toHaveLength(1);
  });
});
