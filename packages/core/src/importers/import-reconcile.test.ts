import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findGoldSet } from '../gold/gold-set.js';
import { ingestJudge } from '../ingest/ingest-judge.js';
import { ingestLabels } from '../ingest/ingest-labels.js';
import type { IngestOptions } from '../ingest/run-ingest.js';
import { ingestTraffic } from '../ingest/ingest-traffic.js';
import { verify } from '../integrity/verify.js';
import { provenance } from '../provenance/provenance.js';
import type { Store } from '../store/store.js';
import { jsonl, tempStore } from '../test-helpers/temp-store.js';
import type { ImportKind } from './import-item.js';
import { readLabelerMap } from './labeler-map.js';
import { prepareImport, type PrepareImportOptions } from './prepare-import.js';
import { FIXTURES } from './test-helpers/fixture.js';

// Issue 14: every tool variant imports through the real store, and each batch reconciles:
// n_read = n_accepted + n_rejected + n_skipped, with the skip reasons stored on the batch.
let open: Store | undefined;
afterEach(() => open?.close());
const fixture = (name: string) => join(FIXTURES, name);

async function toolOptions(o: PrepareImportOptions & { kind: ImportKind }): Promise<Pick<IngestOptions, 'file' | 'records' | 'skipped' | 'skippedReasons' | 'sourceFormat' | 'actor'> & { judge?: string }> {
  const p = await prepareImport(o);
  if (p === undefined) throw new Error(`${o.file}: not detected as a tool export`);
  return { file: o.file, actor: 't', records: p.records, skipped: p.skipped, skippedReasons: p.selection.skippedReasons, sourceFormat: p.importer.name, ...(p.selection.judge === undefined ? {} : { judge: p.selection.judge }) };
}

type BatchRow = { n_read: number; n_accepted: number; n_rejected: number; n_skipped: number; skipped_reasons: string | null; labeler_map: string | null } & Record<string, unknown>;

/** The stored batch, asserted to reconcile. */
async function storedBatch(store: Store, batchId: number): Promise<BatchRow> {
  const [b] = await store.all<BatchRow>({ sql: `SELECT n_read, n_accepted, n_rejected, n_skipped, skipped_reasons, labeler_map FROM batches WHERE batch_id = $1`, params: [batchId] });
  if (b === undefined) throw new Error(`no batch ${batchId}`);
  expect(b.n_read).toBe(b.n_accepted + b.n_rejected + b.n_skipped);
  const reasons = JSON.parse(b.skipped_reasons ?? '{}') as Record<string, number>;
  expect(Object.values(reasons).reduce((a, n) => a + n, 0)).toBe(b.n_skipped);
  return b;
}

describe('tool imports reconcile on the stored batch (issue 14)', () => {
  it('stores the skipped count and reasons on the batch and in provenance (a Prodigy file read 7, accepted 5, rejected 0 did not add up)', async () => {
    const { store } = await tempStore();
    open = store;
    const s = await ingestLabels(store, { ...(await toolOptions({ file: fixture('prodigy-db-out.jsonl'), kind: 'labels' })), goldSet: 'pd' });
    expect(s).toMatchObject({ read: 7, accepted: 5, rejected: 0, skipped: 2 });
    expect(await storedBatch(store, s.batch_id)).toMatchObject({ n_read: 7, n_accepted: 5, n_skipped: 2 });
    const prov = await provenance(store, 'pd');
    expect(prov.batches[0]).toMatchObject({ n_read: 7, n_accepted: 5, n_rejected: 0, n_skipped: 2, skipped_reasons: { 'ignore answer': 1, 'rejected choice task (no option is the label)': 1 } });
    expect((await verify(store)).intact).toBe(true);
    // the skipped count is under the batch hash
    await store.run({ sql: `UPDATE batches SET n_skipped = 0`, params: [] });
    expect((await verify(store)).findings.map((f) => f.kind)).toEqual(['batch_altered']);
  });

  it('imports the Label Studio CSV and JSON-MIN exports natively; --question names the control', async () => {
    const { store } = await tempStore();
    open = store;
    await expect(prepareImport({ file: fixture('label-studio.csv'), kind: 'labels' })).rejects.toThrow(/answers several questions: .*"helpfulness" \(3\).*pick one with --question/);
    const csv = await ingestLabels(store, { ...(await toolOptions({ file: fixture('label-studio.csv'), kind: 'labels', question: 'helpfulness' })), goldSet: 'csv' });
    expect(csv).toMatchObject({ format: 'label-studio', read: 8, accepted: 3, rejected: 0, skipped: 5, scale: { kind: 'ordinal', min: 2, max: 5 } });
    await storedBatch(store, csv.batch_id);
    expect(await store.all(`SELECT item_id, labeler_id, label_value, labeled_at, source_ref FROM labels ORDER BY seq`)).toEqual([
      { item_id: '101', labeler_id: 'ana@example.com', label_value: 4, labeled_at: '2024-03-04T10:15:02.513Z', source_ref: 'label-studio:task=101&annotation=1001&lead_time=42.107' },
      { item_id: '101', labeler_id: 'bea@example.com', label_value: 5, labeled_at: '2024-03-04T11:02:41.000Z', source_ref: 'label-studio:task=101&annotation=1002&lead_time=18.9' },
      { item_id: '102', labeler_id: 'ana@example.com', label_value: 2, labeled_at: '2024-03-05T09:00:00.000Z', source_ref: 'label-studio:task=102&annotation=1003&lead_time=12.5' },
    ]);
    const min = await ingestLabels(store, { ...(await toolOptions({ file: fixture('label-studio-min.json'), kind: 'labels', question: 'helpfulness' })), goldSet: 'min' });
    expect(min).toMatchObject({ read: 8, accepted: 3, skipped: 5, inserted: 3 });
    await storedBatch(store, min.batch_id);
    expect(await store.all(`SELECT input FROM items WHERE gold_set = 'min' ORDER BY item_id`)).toEqual([{ input: 'How do I reset my password?' }, { input: 'Can I get a refund after 45 days?' }]);
  });

  it('makes one labeler of a numeric id in the JSON export and an email in the CSV export with --labeler-map; the aliases used are on the batch', async () => {
    const { store, write } = await tempStore();
    open = store;
    const csv = await ingestLabels(store, { ...(await toolOptions({ file: fixture('label-studio.csv'), kind: 'labels', question: 'helpfulness' })), goldSet: 'support', scale: { kind: 'ordinal', min: 1, max: 5 } });
    const map = readLabelerMap(write('labelers.csv', 'alias,labeler_id\n11,ana@example.com\n12,bea@example.com\n'));
    expect(readLabelerMap(write('labelers.json', JSON.stringify({ 11: 'ana@example.com', 12: 'bea@example.com' })))).toEqual(map);
    // the JSON export's task 102 is annotated by 11 (ana) later than in the CSV: a relabel, not a duplicate
    const file = write('ls.json', JSON.stringify([
      { id: 102, data: { prompt: 'Can I get a refund after 45 days?' }, annotations: [{ id: 2001, completed_by: 11, created_at: '2024-03-09T09:00:00Z', result: [{ from_name: 'helpfulness', type: 'rating', value: { rating: 3 } }] }] },
      { id: 104, data: { prompt: 'Do you ship to Canada?' }, annotations: [{ id: 2002, completed_by: 12, created_at: '2024-03-09T10:00:00Z', result: [{ from_name: 'helpfulness', type: 'rating', value: { rating: 5 } }] }] },
    ]));
    const json = await ingestLabels(store, { ...(await toolOptions({ file, kind: 'labels' })), goldSet: 'support', labelerMap: map });
    expect(json).toMatchObject({ read: 2, accepted: 2, inserted: 2 });
    expect(JSON.parse((await storedBatch(store, json.batch_id)).labeler_map ?? 'null')).toEqual({ 11: 'ana@example.com', 12: 'bea@example.com' });
    expect((await storedBatch(store, csv.batch_id)).labeler_map).toBeNull();
    const prov = await provenance(store, 'support');
    expect(prov.labelers.map((l) => [l.labeler_id, l.n_labels, l.n_superseded])).toEqual([['ana@example.com', 2, 1], ['bea@example.com', 2, 0]]);
    expect((await verify(store)).intact).toBe(true);
    await store.run({ sql: `UPDATE batches SET labeler_map = NULL WHERE batch_id = $1`, params: [json.batch_id] });
    expect((await verify(store)).findings.map((f) => f.kind)).toEqual(['batch_altered']);
  });

  it('refuses a labeler map that sends one alias to two people, naming file and line', () => {
    return tempStore().then(({ store, write }) => {
      open = store;
      expect(() => readLabelerMap(write('m.csv', 'alias,labeler_id\n11,ana\n11,bea\n'))).toThrow(/m\.csv:3: alias "11" maps to both "ana" and "bea"/);
      expect(() => readLabelerMap(write('c.json', JSON.stringify({ 11: 'ana', ana: 'ana@example.com' })))).toThrow(/"ana" is both the id "11" maps to and an alias/);
    });
  });

  it('a labels import that accepts nothing creates no gold set and fixes no scale; a later valid import is not refused (issue 14)', async () => {
    const { store, write, dir } = await tempStore();
    open = store;
    const bad = write('bad.jsonl', jsonl([{ item_id: 'a', labeler_id: 'x', label: 1, labeled_at: 'never' }, { item_id: 'b', labeler_id: 'x', label: 0, labeled_at: 'never' }]));
    const quarantineFile = join(dir, 'new', 'dir', 'rejected.jsonl');
    const s = await ingestLabels(store, { file: bad, actor: 't', goldSet: 'fresh', skipInvalid: true, quarantineFile });
    expect(s).toMatchObject({ read: 2, accepted: 0, rejected: 2, inserted: 0, scale: null });
    await storedBatch(store, s.batch_id);
    expect(await findGoldSet(store, 'fresh')).toBeUndefined();
    expect(existsSync(quarantineFile)).toBe(true);
    const good = write('good.jsonl', jsonl([{ item_id: 'a', labeler_id: 'x', label: 'pass', labeled_at: '2024-01-01' }, { item_id: 'b', labeler_id: 'y', label: 'fail', labeled_at: '2024-01-01' }]));
    const ok = await ingestLabels(store, { file: good, actor: 't', goldSet: 'fresh' });
    expect(ok).toMatchObject({ accepted: 2, scale: { kind: 'nominal', categories: ['fail', 'pass'] } });
    expect((await verify(store)).intact).toBe(true);
  });

  it('an OTLP file with no GenAI spans is a clear error and stores nothing (it committed an empty batch)', async () => {
    const { store, write } = await tempStore();
    open = store;
    const http = write('http.jsonl', jsonl([{ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 't', spanId: 's', name: 'GET /', startTimeUnixNano: '1000', attributes: [{ key: 'http.request.method', value: { stringValue: 'GET' } }] }] }] }] }]));
    await expect(prepareImport({ file: http, kind: 'traffic', format: 'otel-genai' })).rejects.toThrow(
      /holds no traffic to import; nothing was stored \(read 1, all skipped: 1 span without gen_ai.operation.name \(not a GenAI operation\)\)/,
    );
    expect(await store.all(`SELECT count(*) AS n FROM batches`)).toEqual([{ n: 0 }]);
  });

  it('Prodigy without _annotator_id/_timestamp: the error names --labeler and --labeled-at; with them, the values are recorded as supplied', async () => {
    const { store, write } = await tempStore();
    open = store;
    const file = write('old.jsonl', jsonl([
      { text: 'win a prize now', label: 'SPAM', answer: 'accept', _input_hash: 1, _task_hash: 2 },
      { text: 'lunch at noon?', label: 'SPAM', answer: 'reject', _input_hash: 3, _task_hash: 4 },
      { text: 'free money', label: 'SPAM', answer: 'ignore', _input_hash: 5, _task_hash: 6 },
    ]));
    await expect(prepareImport({ file, kind: 'labels' })).rejects.toThrow(
      /none of the 2 labels .* has labeler_id or labeled_at[\s\S]*supply it with --labeler ID[\s\S]*supply it with --labeled-at/,
    );
    const s = await ingestLabels(store, {
      ...(await toolOptions({ file, kind: 'labels', labeledAtSupplied: true, supplied: ['labeler_id'] })),
      goldSet: 'spam', supplied: { labeler_id: 'ann-1', labeled_at: '2019-05-01' },
    });
    expect(s).toMatchObject({ read: 3, accepted: 2, skipped: 1, supplied: { labeler_id: 'ann-1', labeled_at: '2019-05-01' } });
    await storedBatch(store, s.batch_id);
  });

  it('Langfuse scores in the {data, meta} envelope and the trace download {trace, observations} import and reconcile', async () => {
    const { store } = await tempStore();
    open = store;
    const judge = await toolOptions({ file: fixture('langfuse-scores.json'), kind: 'judge' });
    const j = await ingestJudge(store, { ...judge, judge: judge.judge ?? '' });
    expect(j).toMatchObject({ judge: 'hallucination', read: 5, accepted: 4, skipped: 1 });
    await storedBatch(store, j.batch_id);
    const t = await ingestTraffic(store, await toolOptions({ file: fixture('langfuse-trace-download.json'), kind: 'traffic' }));
    expect(t).toMatchObject({ read: 3, accepted: 1, skipped: 2 });
    await storedBatch(store, t.batch_id);
    const l = await ingestLabels(store, { ...(await toolOptions({ file: fixture('langfuse-trace-download.json'), kind: 'labels' })), goldSet: 'lf' });
    // the CORRECTION score is skipped with its reason and does not fix the scale: helpful is boolean
    expect(l).toMatchObject({ read: 2, accepted: 1, skipped: 1, scale: { kind: 'binary' } });
    expect(JSON.parse((await storedBatch(store, l.batch_id)).skipped_reasons ?? '{}')).toEqual({ 'CORRECTION score (a human-edited output, not a label or score)': 1 });
  });

  it('says "record N" for records of a JSON array, with the quarantine keyed the same way', async () => {
    const { store, write } = await tempStore();
    open = store;
    const file = write('ls.json', JSON.stringify([
      { id: 1, data: { text: 'a' }, annotations: [{ id: 7, completed_by: 3, created_at: '2024-01-01T00:00:00Z', result: [{ from_name: 'q', type: 'rating', value: { rating: 4 } }] }] },
      { id: 2, data: { text: 'b' }, annotations: [{ id: 8, created_at: '2024-01-01T00:00:00Z', result: [{ from_name: 'q', type: 'rating', value: { rating: 2 } }] }] },
    ]));
    await expect(ingestLabels(store, { ...(await toolOptions({ file, kind: 'labels' })), goldSet: 'g' })).rejects.toThrow(/ls\.json: record 2: field "labeler_id": required field is missing/);
    const s = await ingestLabels(store, { ...(await toolOptions({ file, kind: 'labels' })), goldSet: 'g', skipInvalid: true });
    expect(s).toMatchObject({ accepted: 1, rejected: 1 });
    expect(JSON.parse(readFileSync(`${file}.rejected.jsonl`, 'utf8'))).toMatchObject({ record_number: 2, field: 'labeler_id' });
  });

  it('takes an Argilla rating question\'s range from the export\'s settings.json (0-3), not from the ratings seen (0-2)', async () => {
    const { store } = await tempStore();
    open = store;
    const file = fixture('argilla-disk/records.json');
    const p = await prepareImport({ file, kind: 'labels', question: 'resolution', labeledAtSupplied: true });
    expect(p?.scale).toEqual({ scale: { kind: 'ordinal', min: 0, max: 3 }, from: fixture('argilla-disk/settings.json') });
    if (p?.scale === undefined) return;
    const s = await ingestLabels(store, { ...(await toolOptions({ file, kind: 'labels', question: 'resolution', labeledAtSupplied: true })), goldSet: 'res', scale: p.scale.scale, supplied: { labeled_at: '2024-09-01' } });
    expect(s).toMatchObject({ read: 4, accepted: 4, scale: { kind: 'ordinal', min: 0, max: 3 }, scale_inferred: false });
    await storedBatch(store, s.batch_id);
    // without settings beside the records the range is inferred from what was seen
    expect((await prepareImport({ file: fixture('argilla-records.json'), kind: 'labels', question: 'correctness', labeledAtSupplied: true }))?.scale).toBeUndefined();
  });

  it('imports Argilla v1 records with their response times (no --labeled-at needed) and reconciles the discarded response', async () => {
    const { store } = await tempStore();
    open = store;
    const s = await ingestLabels(store, { ...(await toolOptions({ file: fixture('argilla-v1-records.json'), kind: 'labels', question: 'quality' })), goldSet: 'v1' });
    expect(s).toMatchObject({ read: 4, accepted: 2, skipped: 2 });
    expect(JSON.parse((await storedBatch(store, s.batch_id)).skipped_reasons ?? '{}')).toEqual({ 'discarded response with no answers': 1, 'question "comment" not selected': 1 });
    expect(await store.all(`SELECT labeled_at FROM labels ORDER BY seq`)).toEqual([{ labeled_at: '2023-11-02T10:05:00.000Z' }, { labeled_at: '2023-11-03T08:01:30.000Z' }]);
  });
});
