import { afterEach, describe, expect, it } from 'vitest';
import { DataError } from '../errors/touchstone-error.js';
import type { Store } from '../store/store.js';
import { jsonl, tempStore } from '../test-helpers/temp-store.js';
import { readRunFile } from './read-run-file.js';
import { parseRunRecord } from './run-record.js';

let open: Store | undefined;
afterEach(() => open?.close());

describe('parseRunRecord', () => {
  it('types text cells and accepts 0/1 pass values and integer item ids', () => {
    expect(parseRunRecord({ item_id: 7, pass: 1 })).toEqual({ record: { item_id: '7', pass: true } });
    expect(parseRunRecord({ item_id: 'a', pass: 'FALSE', score: ' 0.25 ', slice: '' })).toEqual({ record: { item_id: 'a', pass: false, score: 0.25 } });
    expect(parseRunRecord({ item_id: 'a', score: 3, gold_snapshot: 'v1', output: 'ignored' })).toEqual({ record: { item_id: 'a', score: 3, gold_snapshot: 'v1' } });
  });
  it('names the field of a bad record', () => {
    expect(parseRunRecord({ item_id: 'a' })).toEqual({ reject: { field: 'pass', reason: expect.stringMatching(/give pass \(boolean\) or score/) } });
    expect(parseRunRecord({ pass: true })).toMatchObject({ reject: { field: 'item_id' } });
    expect(parseRunRecord({ item_id: 'a', pass: 'maybe' })).toMatchObject({ reject: { field: 'pass', reason: expect.stringMatching(/boolean/) } });
    expect(parseRunRecord({ item_id: 'a', score: 'high' })).toMatchObject({ reject: { field: 'score' } });
  });
});

describe('readRunFile', () => {
  it('reads JSONL, keeping line numbers, slices and the gold snapshot', async () => {
    const { store, write } = await tempStore();
    open = store;
    const file = write('run.jsonl', `${jsonl([{ item_id: 'a', slice: 's', pass: true, gold_snapshot: 'v1' }, { item_id: 'b', pass: false }])}\n${jsonl([{ item_id: 'c', pass: true, gold_snapshot: 'v1' }])}`);
    const run = await readRunFile(file);
    expect(run).toMatchObject({ name: file, source: 'file', metrics: ['pass'], gold_snapshot: 'v1' });
    expect(run.items).toEqual([
      { item_id: 'a', slice: 's', pass: true, score: null, line: 1 },
      { item_id: 'b', slice: null, pass: false, score: null, line: 2 },
      { item_id: 'c', slice: null, pass: true, score: null, line: 4 },
    ]);
  });
  it('reads CSV and Parquet through DuckDB', async () => {
    const { store, write, dir } = await tempStore();
    open = store;
    const csv = write('run.csv', 'item_id,slice,pass,score\na,x,true,0.9\nb,y,false,0.2\n');
    const run = await readRunFile(csv, { connection: store.connection });
    expect(run.metrics).toEqual(['pass', 'score']);
    expect(run.items[1]).toEqual({ item_id: 'b', slice: 'y', pass: false, score: 0.2, line: 3 });
    const parquet = `${dir}/run.parquet`;
    await store.run(`COPY (SELECT 'i' || range AS item_id, range % 2 = 0 AS pass FROM range(3)) TO '${parquet}' (FORMAT parquet)`);
    const pq = await readRunFile(parquet, { connection: store.connection });
    expect(pq.items.map((i) => [i.item_id, i.pass, i.line])).toEqual([['i0', true, 1], ['i1', false, 2], ['i2', true, 3]]);
  });
  it('rejects the whole file naming file, line and field of every problem', async () => {
    const { store, write } = await tempStore();
    open = store;
    const file = write('bad.jsonl', [
      JSON.stringify({ item_id: 'a', pass: true, gold_snapshot: 'v1' }),
      '{"item_id": "b", "pass": tru}',
      JSON.stringify({ item_id: 'a', pass: false }),
      JSON.stringify({ item_id: 'c', pass: 'perhaps' }),
      JSON.stringify({ item_id: 'd', pass: true, gold_snapshot: 'v2' }),
    ].join('\n'));
    const error = await readRunFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    const e = error as DataError;
    expect(e.code).toBe('RUN_INVALID_RECORDS');
    expect(e.message).toContain('4 problems in 5 records');
    expect(e.details.map((d) => [d.line, d.field ?? null])).toEqual([[2, null], [3, 'item_id'], [4, 'pass'], [5, 'gold_snapshot']]);
    expect(e.message).toMatch(/bad\.jsonl:2: invalid JSON/);
    expect(e.message).toMatch(/bad\.jsonl:3: field "item_id": duplicate item_id "a" \(first at line 1\)/);
  });
  it('rejects a run mixing pass-only and score-only records, and an empty file', async () => {
    const { store, write } = await tempStore();
    open = store;
    const mixed = write('mixed.jsonl', jsonl([{ item_id: 'a', pass: true }, { item_id: 'b', pass: false }, { item_id: 'c', score: 0.5 }]));
    await expect(readRunFile(mixed)).rejects.toThrow(/mixed\.jsonl:3: field "pass": missing, while 2 other records give pass/);
    await expect(readRunFile(write('empty.jsonl', ''))).rejects.toMatchObject({ code: 'INGEST_EMPTY_FILE' });
  });
});
