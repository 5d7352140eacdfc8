import { readFileSync, existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DataError, ConfigError } from '../errors/touchstone-error.js';
import { provenance } from '../provenance/provenance.js';
import { verify } from '../integrity/verify.js';
import type { Store } from '../store/store.js';
import type { Scale } from '../schemas/scale.js';
import { jsonl, tempStore } from '../test-helpers/temp-store.js';
import { ingestLabels } from './ingest-labels.js';

const label = (item: string, labeler: string, value: unknown, extra: object = {}) => ({
  item_id: item, labeler_id: labeler, label: value, labeled_at: '2026-01-05T10:00:00Z', ...extra,
});
const ORDINAL = { kind: 'ordinal', min: 1, max: 5, pass_threshold: 4 } as const;

let open: Store | undefined;
afterEach(() => open?.close());

async function counts(store: Store) {
  const [row] = await store.all<{ labels: number; batches: number; golds: number; items: number }>(
    `SELECT (SELECT count(*) FROM labels) AS labels, (SELECT count(*) FROM batches) AS batches,
            (SELECT count(*) FROM gold_sets) AS golds, (SELECT count(*) FROM items) AS items`,
  );
  return row;
}

describe('ingestLabels', () => {
  it('stores every valid record with its batch provenance and reconciles read = accepted + rejected', async () => {
    const { store, write } = await tempStore();
    open = store;
    const file = write('a.jsonl', jsonl([label('i1', 'ann', 4, { slice: 'tone', guideline_version: 'v1', session_id: 's1', input: 'hi' }), label('i1', 'bob', 2), label('i2', 'ann', 5)]));
    const s = await ingestLabels(store, { file, goldSet: 'g', scale: ORDINAL, actor: 'tester' });
    expect(s).toMatchObject({ read: 3, accepted: 3, rejected: 0, inserted: 3, duplicates: 0, batch_id: 1, format: 'jsonl' });
    expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    const rows = await store.all(`SELECT item_id, labeler_id, label_value, slice, guideline_version, session_id, batch_id FROM labels ORDER BY seq`);
    expect(rows[0]).toEqual({ item_id: 'i1', labeler_id: 'ann', label_value: 4, slice: 'tone', guideline_version: 'v1', session_id: 's1', batch_id: 1 });
    const [batch] = await store.all(`SELECT actor, source_file, n_read, n_accepted, n_rejected FROM batches`);
    expect(batch).toEqual({ actor: 'tester', source_file: 'a.jsonl', n_read: 3, n_accepted: 3, n_rejected: 0 });
    expect((await store.all(`SELECT input FROM items WHERE item_id = 'i1'`))[0]).toEqual({ input: 'hi' });
  });

  it('rejects the whole file on one invalid record, naming line, field and reason, and leaves the store unchanged', async () => {
    const { store, write } = await tempStore();
    open = store;
    const file = write('bad.jsonl', jsonl([label('i1', 'ann', 4), { item_id: 'i2', label: 3, labeled_at: '2026-01-05T10:00:00Z' }, label('i3', 'ann', 9)]));
    const error = await ingestLabels(store, { file, goldSet: 'g', scale: ORDINAL, actor: 't' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    const e = error as DataError;
    expect(e.code).toBe('INGEST_INVALID_RECORDS');
    expect(e.details).toEqual([
      { file, line: 2, field: 'labeler_id', reason: 'required field is missing' },
      { file, line: 3, field: 'label', reason: '9 is off the ordinal scale 1–5' },
    ]);
    expect(e.message).toContain('2 of 3 records are invalid; nothing was imported');
    expect(await counts(store)).toEqual({ labels: 0, batches: 0, golds: 0, items: 0 });
  });

  it('with skipInvalid imports the valid records and quarantines each rejected one with its reason', async () => {
    const { store, write } = await tempStore();
    open = store;
    const file = write('mixed.jsonl', `${jsonl([label('i1', 'ann', 4)])}{"broken": \n${jsonl([label('i2', 'ann', 'great')])}`);
    const s = await ingestLabels(store, { file, goldSet: 'g', scale: ORDINAL, actor: 't', skipInvalid: true });
    expect(s).toMatchObject({ read: 3, accepted: 1, rejected: 2, inserted: 1 });
    const q = readFileSync(s.quarantine_file ?? '', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; field: string | null; reason: string });
    expect(q.map((r) => [r.line, r.field])).toEqual([[2, null], [3, 'label']]);
    expect(q[1]?.reason).toBe('"great" is not a number on the ordinal scale 1–5');
    expect(existsSync(`${s.quarantine_file ?? ''}.partial`)).toBe(false);
  });

  it('reports exact duplicates (in the file and already stored) without storing them twice', async () => {
    const { store, write } = await tempStore();
    open = store;
    const file = write('dup.jsonl', jsonl([label('i1', 'ann', 4), label('i1', 'ann', 4), label('i2', 'ann', 3)]));
    const first = await ingestLabels(store, { file, goldSet: 'g', scale: ORDINAL, actor: 't' });
    expect(first).toMatchObject({ read: 3, accepted: 3, duplicates: 1, inserted: 2 });
    const again = await ingestLabels(store, { file, goldSet: 'g', actor: 't' });
    expect(again).toMatchObject({ read: 3, accepted: 3, duplicates: 3, inserted: 0 });
    expect((await counts(store))?.labels).toBe(2);
    expect((await verify(store)).intact).toBe(true);
  });

  it('tells apart records that share a record number (an importer’s annotations of one task): a duplicate drops only itself', async () => {
    const { store, write } = await tempStore();
    open = store;
    const file = write('export.json', '[]');
    const records = (labels: ReturnType<typeof label>[][]) => labels.flatMap((task, i) => task.map((value) => ({ line: i + 1, untyped: false, value })));
    const week1 = [[label('t1', 'ann', 4), label('t1', 'bob', 5)], [label('t2', 'ann', 2)]];
    const week2 = [[...week1[0]!, label('t1', 'cy', 3)], week1[1]!, [label('t3', 'bob', 1)]];
    expect(await ingestLabels(store, { file, records: records(week1), goldSet: 'g', scale: ORDINAL, actor: 't' })).toMatchObject({ inserted: 3, duplicates: 0 });
    expect(await ingestLabels(store, { file, records: records(week1), goldSet: 'g', actor: 't' })).toMatchObject({ inserted: 0, duplicates: 3 });
    expect(await ingestLabels(store, { file, records: records(week2), goldSet: 'g', actor: 't' })).toMatchObject({ inserted: 2, duplicates: 3 });
    expect(await store.all(`SELECT seq, batch_id, source_record, item_id, labeler_id FROM labels ORDER BY seq`)).toEqual([
      { seq: 1, batch_id: 1, source_record: 1, item_id: 't1', labeler_id: 'ann' },
      { seq: 2, batch_id: 1, source_record: 1, item_id: 't1', labeler_id: 'bob' },
      { seq: 3, batch_id: 1, source_record: 2, item_id: 't2', labeler_id: 'ann' },
      { seq: 4, batch_id: 3, source_record: 1, item_id: 't1', labeler_id: 'cy' },
      { seq: 5, batch_id: 3, source_record: 3, item_id: 't3', labeler_id: 'bob' },
    ]);
    // No duplicates but record numbers with a gap (1, 1, 3): seq numbers stay consecutive.
    const gap = [[label('t4', 'ann', 4), label('t4', 'bob', 4)], [], [label('t5', 'ann', 1)]];
    expect(await ingestLabels(store, { file, records: records(gap), goldSet: 'g', actor: 't' })).toMatchObject({ inserted: 3, duplicates: 0 });
    expect(await store.all(`SELECT seq, source_record FROM labels WHERE batch_id = 4 ORDER BY seq`)).toEqual([
      { seq: 6, source_record: 1 }, { seq: 7, source_record: 1 }, { seq: 8, source_record: 3 },
    ]);
    expect((await verify(store)).intact).toBe(true);
  });

  it('keeps relabels append-only: the newer label supersedes, the history stays queryable', async () => {
    const { store, write } = await tempStore();
    open = store;
    await ingestLabels(store, { file: write('1.jsonl', jsonl([label('i1', 'ann', 2)])), goldSet: 'g', scale: ORDINAL, actor: 't' });
    await ingestLabels(store, { file: write('2.jsonl', jsonl([label('i1', 'ann', 5, { labeled_at: '2026-02-01T00:00:00Z' })])), goldSet: 'g', actor: 't' });
    expect(await store.all(`SELECT label_value FROM current_labels`)).toEqual([{ label_value: 5 }]);
    expect(await store.all(`SELECT label_value, batch_id FROM labels ORDER BY seq`)).toEqual([{ label_value: 2, batch_id: 1 }, { label_value: 5, batch_id: 2 }]);
    const p = await provenance(store, 'g');
    expect(p.labels).toEqual({ current: 1, total_rows: 2, superseded: 1 });
  });

  it('fixes the scale at the first ingest and enforces it later', async () => {
    const { store, write } = await tempStore();
    open = store;
    const s = await ingestLabels(store, { file: write('1.jsonl', jsonl([label('i1', 'a', 1), label('i2', 'a', 3)])), goldSet: 'g', actor: 't' });
    expect(s.scale).toEqual({ kind: 'ordinal', min: 1, max: 3 });
    expect(s.scale_inferred).toBe(true);
    await expect(ingestLabels(store, { file: write('2.jsonl', jsonl([label('i3', 'a', 4)])), goldSet: 'g', actor: 't' })).rejects.toMatchObject({
      details: [{ line: 1, field: 'label', reason: '4 is off the ordinal scale 1–3' }],
    });
    await expect(ingestLabels(store, { file: write('3.jsonl', jsonl([label('i3', 'a', 2)])), goldSet: 'g', scale: ORDINAL, actor: 't' })).rejects.toBeInstanceOf(ConfigError);
  });

  it('reads CSV through DuckDB with --map and a supplied timestamp, recorded as supplied', async () => {
    const { store, write } = await tempStore();
    open = store;
    const file = write('x.csv', 'orig,who,resp\n10,w1,1\n10,w2,0\n11,w1,true\n');
    const s = await ingestLabels(store, { file, goldSet: 'g', actor: 't', map: { item_id: 'orig', labeler_id: 'who', label: 'resp' }, supplied: { labeled_at: '2008-01-01' } });
    expect(s).toMatchObject({ read: 3, inserted: 3, format: 'csv', scale: { kind: 'binary' } });
    expect(await store.all(`SELECT item_id, label_value, labeled_at FROM labels ORDER BY seq`)).toEqual([
      { item_id: '10', label_value: 1, labeled_at: '2008-01-01T00:00:00.000Z' },
      { item_id: '10', label_value: 0, labeled_at: '2008-01-01T00:00:00.000Z' },
      { item_id: '11', label_value: 1, labeled_at: '2008-01-01T00:00:00.000Z' },
    ]);
    expect((await provenance(store, 'g')).batches[0]?.supplied).toEqual({ labeled_at: '2008-01-01' });
  });

  it('reads Parquet', async () => {
    const { store, write, dir } = await tempStore();
    open = store;
    write('placeholder', '');
    const file = `${dir}/l.parquet`;
    await store.run(`COPY (SELECT 'i' || x AS item_id, 'a' AS labeler_id, (x % 5) + 1 AS label, TIMESTAMPTZ '2026-01-01 00:00:00+00' AS labeled_at FROM range(10) t(x)) TO '${file}' (FORMAT parquet)`);
    const s = await ingestLabels(store, { file, goldSet: 'g', scale: ORDINAL, actor: 't' });
    expect(s).toMatchObject({ read: 10, inserted: 10, format: 'parquet' });
  });

  it('nominal scales store category text and reject unknown categories', async () => {
    const { store, write } = await tempStore();
    open = store;
    const scale: Scale = { kind: 'nominal', categories: ['good', 'bad'], pass_categories: ['good'] };
    const s = await ingestLabels(store, { file: write('n.jsonl', jsonl([label('i1', 'a', 'good'), label('i2', 'a', 'bad')])), goldSet: 'g', scale, actor: 't' });
    expect(s.inserted).toBe(2);
    expect(await store.all(`SELECT label_value, label_text FROM labels ORDER BY seq`)).toEqual([{ label_value: null, label_text: 'good' }, { label_value: null, label_text: 'bad' }]);
    await expect(ingestLabels(store, { file: write('n2.jsonl', jsonl([label('i3', 'a', 'meh')])), goldSet: 'g', actor: 't' })).rejects.toMatchObject({ code: 'INGEST_INVALID_RECORDS' });
  });
});

describe('missing and malformed timestamps', () => {
  it('says "required field is missing" for a missing labeled_at and names a malformed one', async () => {
    const { store, write } = await tempStore();
    open = store;
    const file = write('ts.jsonl', jsonl([{ item_id: 'i1', labeler_id: 'a', label: 3 }, { item_id: 'i2', labeler_id: 'a', label: 3, labeled_at: 'last tuesday' }]));
    await expect(ingestLabels(store, { file, goldSet: 'g', scale: ORDINAL, actor: 't', native: false })).rejects.toMatchObject({
      details: [
        { line: 1, field: 'labeled_at', reason: 'required field is missing' },
        { line: 2, field: 'labeled_at', reason: 'must be an ISO 8601 timestamp' },
      ],
    });
  });
});

describe('large CSV and Parquet files', () => {
  it('reads every row past DuckDB’s first 100 vectors (204,800 rows) while the appender writes', async () => {
    const { store, dir } = await tempStore();
    open = store;
    const csv = `${dir}/big.csv`;
    const parquet = `${dir}/big.parquet`;
    await store.run(`COPY (SELECT 'i' || x AS item_id, 'a' || (x % 7) AS labeler_id, (x % 5) + 1 AS label, '2026-01-01T00:00:00Z' AS labeled_at FROM range(250000) t(x)) TO '${csv}' (HEADER)`);
    await store.run(`COPY (SELECT 'p' || x AS item_id, 'b' AS labeler_id, (x % 5) + 1 AS label, '2026-01-02T00:00:00Z' AS labeled_at FROM range(230000) t(x)) TO '${parquet}' (FORMAT parquet)`);
    expect(await ingestLabels(store, { file: csv, goldSet: 'g', scale: ORDINAL, actor: 't' })).toMatchObject({ read: 250000, inserted: 250000 });
    expect(await ingestLabels(store, { file: parquet, goldSet: 'g', actor: 't' })).toMatchObject({ read: 230000, inserted: 230000 });
    expect((await store.all(`SELECT count(*) AS n FROM labels`))[0]).toEqual({ n: 480000 });
  });
});
