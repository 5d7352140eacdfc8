import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestJudge } from '../ingest/ingest-judge.js';
import { ingestLabels } from '../ingest/ingest-labels.js';
import { ingestTraffic } from '../ingest/ingest-traffic.js';
import { verify } from '../integrity/verify.js';
import type { Store } from '../store/store.js';
import { jsonl, tempStore } from '../test-helpers/temp-store.js';
import { prepareImport } from './prepare-import.js';
import { FIXTURES } from './test-helpers/fixture.js';

let open: Store | undefined;
afterEach(() => open?.close());
const fixture = (name: string) => join(FIXTURES, name);

describe('prepareImport with the ingest engine', () => {
  it('imports Label Studio annotations as labels with source_ref, skipped work counted: read = accepted + rejected + skipped', async () => {
    const { store } = await tempStore();
    open = store;
    const file = fixture('label-studio-export.json');
    const p = await prepareImport({ file, kind: 'labels', question: 'helpfulness' });
    expect(p?.importer.name).toBe('label-studio');
    expect(p?.selection.skippedReasons).toEqual({ 'cancelled annotation': 1, 'annotation with no result': 1, 'question "comment" not selected': 2 });
    if (p === undefined) return;
    const s = await ingestLabels(store, { file, goldSet: 'support', actor: 't', records: p.records, skipped: p.skipped, sourceFormat: p.importer.name });
    expect(s).toMatchObject({ format: 'label-studio', read: 9, accepted: 5, rejected: 0, skipped: 4, inserted: 5, scale: { kind: 'ordinal', min: 1, max: 5 } });
    const rows = await store.all(`SELECT item_id, labeler_id, label_value, source_record, source_ref FROM labels ORDER BY seq LIMIT 2`);
    expect(rows).toEqual([
      { item_id: '101', labeler_id: '11', label_value: 4, source_record: 1, source_ref: 'label-studio:task=101&annotation=1001&lead_time=42.107' },
      { item_id: '101', labeler_id: '12', label_value: 5, source_record: 1, source_ref: 'label-studio:task=101&annotation=1002&lead_time=18.9' },
    ]);
    expect((await store.all(`SELECT input FROM items WHERE item_id = '102'`))[0]).toEqual({ input: 'Can I get a refund after 45 days?' });
    expect((await verify(store)).intact).toBe(true);
  });

  it('detects the tool when --format is not given, and returns undefined for own-format files', async () => {
    const { write } = await tempStore();
    expect((await prepareImport({ file: fixture('prodigy-db-out.jsonl'), kind: 'labels' }))?.importer.name).toBe('prodigy');
    const own = write('own.jsonl', jsonl([{ item_id: 'i', labeler_id: 'a', label: 1, labeled_at: '2024-01-01' }]));
    expect(await prepareImport({ file: own, kind: 'labels' })).toBeUndefined();
  });

  it('needs --labeled-at for Argilla labels and records it as supplied', async () => {
    const { store } = await tempStore();
    open = store;
    const file = fixture('argilla-records.json');
    await expect(prepareImport({ file, kind: 'labels', question: 'correctness' })).rejects.toThrow(/labeled_at: Argilla v2 records \(and v1 records exported without server times\) keep no time for their responses; supply it with --labeled-at/);
    const p = await prepareImport({ file, kind: 'labels', question: 'correctness', labeledAtSupplied: true });
    if (p === undefined) throw new Error('not detected');
    const s = await ingestLabels(store, { file, goldSet: 'qa', actor: 't', records: p.records, skipped: p.skipped, sourceFormat: 'argilla', supplied: { labeled_at: '2024-06-30' } });
    expect(s).toMatchObject({ read: 6, accepted: 3, skipped: 3, supplied: { labeled_at: '2024-06-30' } });
    expect(await store.all(`SELECT DISTINCT labeled_at FROM labels`)).toEqual([{ labeled_at: '2024-06-30T00:00:00.000Z' }]);
  });

  it('imports judge scores under the chosen judge, and OpenTelemetry traffic', async () => {
    const { store } = await tempStore();
    open = store;
    const ls = fixture('label-studio-export.json');
    await expect(prepareImport({ file: ls, kind: 'judge' })).rejects.toThrow(/several judges for "helpfulness": "gpt-judge@v3" \(4\), "gpt-judge@v2" \(1\)/);
    const p = await prepareImport({ file: ls, kind: 'judge', judge: 'gpt-judge@v3' });
    if (p === undefined) throw new Error('not detected');
    const j = await ingestJudge(store, { file: ls, judge: p.selection.judge ?? '', actor: 't', records: p.records, skipped: p.skipped, sourceFormat: 'label-studio' });
    expect(j).toMatchObject({ judge: 'gpt-judge@v3', read: 5, accepted: 4, skipped: 1 });
    const otel = fixture('otel-genai.jsonl');
    const t = await prepareImport({ file: otel, kind: 'traffic' });
    if (t === undefined) throw new Error('not detected');
    const s = await ingestTraffic(store, { file: otel, actor: 't', records: t.records, skipped: t.skipped, sourceFormat: 'otel-genai' });
    expect(s).toMatchObject({ read: 4, accepted: 2, skipped: 2, inserted: 2 });
    expect(await store.all(`SELECT id, ts, source_ref FROM traffic ORDER BY seq`)).toEqual([
      { id: '00f067aa0ba902b7', ts: '2024-06-03T16:00:00.123Z', source_ref: 'otel:trace=4bf92f3577b34da6a3ce929d0e0e4736&span=00f067aa0ba902b7' },
      { id: '10f067aa0ba902b8', ts: '2024-06-03T16:10:00.000Z', source_ref: 'otel:trace=5cf92f3577b34da6a3ce929d0e0e4737&span=10f067aa0ba902b8' },
    ]);
  });

  it('says what an export holds when it has nothing of the kind asked, and refuses kinds a tool cannot hold', async () => {
    await expect(prepareImport({ file: fixture('langfuse-traces.json'), kind: 'labels', format: 'langfuse' })).rejects.toThrow(/holds no labels \(it holds 4 traffic\)/);
    await expect(prepareImport({ file: fixture('prodigy-db-out.jsonl'), kind: 'traffic', format: 'prodigy' })).rejects.toThrow(/holds labels, not traffic/);
  });

  it('rejects the whole file, naming record and field, when an imported record is invalid', async () => {
    const { store, write } = await tempStore();
    open = store;
    const file = write('ls.json', JSON.stringify([{ id: 1, data: { text: 'a' }, annotations: [{ id: 7, completed_by: 3, result: [{ from_name: 'q', type: 'rating', value: { rating: 4 } }] }] },
      { id: 2, data: { text: 'b' }, annotations: [{ id: 8, completed_by: 3, created_at: '2024-01-01T00:00:00Z', result: [{ from_name: 'q', type: 'rating', value: { rating: 2 } }] }] }]));
    const p = await prepareImport({ file, kind: 'labels' });
    if (p === undefined) throw new Error('not detected');
    await expect(ingestLabels(store, { file, goldSet: 'g', actor: 't', records: p.records, skipped: p.skipped, sourceFormat: 'label-studio' }))
      .rejects.toThrow(/1 of 2 records are invalid; nothing was imported[\s\S]*ls\.json: record 1: field "labeled_at": /);
    expect(await store.all(`SELECT count(*) AS n FROM labels`)).toEqual([{ n: 0 }]);
  });
});
