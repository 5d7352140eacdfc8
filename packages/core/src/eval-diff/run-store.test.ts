import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../store/store.js';
import { jsonl, tempStore } from '../test-helpers/temp-store.js';
import { readRunFile } from './read-run-file.js';
import { findRun, listRuns, recordRun, requireRun } from './run-store.js';

let open: Store | undefined;
afterEach(() => open?.close());

describe('run history', () => {
  it('records a run under an immutable name and reads it back item for item', async () => {
    const { store, write } = await tempStore();
    open = store;
    const file = write('r.jsonl', jsonl([{ item_id: 'a', slice: 's', pass: true, score: 0.9 }, { item_id: 'b', pass: false, score: 0.1 }]));
    const run = { ...(await readRunFile(file)), gold_set: 'g', gold_snapshot: 'v1' };
    const summary = await recordRun(store, run, { name: 'main@abc', actor: 'ci', sourceFile: file, sha256: 'f'.repeat(64), format: 'jsonl' });
    expect(summary).toMatchObject({ name: 'main@abc', metric: 'pass', gold_set: 'g', gold_snapshot: 'v1', n_items: 2, n_slices: 1, pass_rate: 0.5, source_file: 'r.jsonl', actor: 'ci' });
    expect(summary.mean_score).toBeCloseTo(0.5, 15);
    const back = await findRun(store, 'main@abc');
    expect(back).toEqual({ name: 'main@abc', source: 'store', metrics: ['pass', 'score'], gold_set: 'g', gold_snapshot: 'v1', items: run.items });
    expect((await listRuns(store)).map((r) => r.name)).toEqual(['main@abc']);
    await expect(recordRun(store, run, { name: 'main@abc', actor: 'ci', sourceFile: file, sha256: '', format: 'jsonl' })).rejects.toMatchObject({ code: 'RUN_EXISTS' });
    await expect(recordRun(store, run, { name: 'bad name', actor: 'ci', sourceFile: file, sha256: '', format: 'jsonl' })).rejects.toMatchObject({ code: 'RUN_NAME' });
    await expect(requireRun(store, 'nope')).rejects.toThrow(/no run named "nope" .*; recent runs: main@abc/);
  });
  it('treats a store without the run tables (opened read-only) as having no runs', async () => {
    const store = await Store.open(':memory:');
    open = store;
    await store.run('DROP TABLE eval_run_items');
    expect(await listRuns(store)).toEqual([]);
    await expect(requireRun(store, 'x')).rejects.toThrow(/no runs recorded yet/);
  });
});
