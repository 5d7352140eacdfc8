import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '@touchstone/core';
import { REPO, runCli, tempDir } from './helpers/cli.js';

// Every tool importer end to end: the real CLI imports the tool's sample export (written from the
// tool's documentation, in packages/core/src/importers/fixtures) into a real DuckDB file, then
// provenance, verify and the stored rows are checked.
const FIX = join(REPO, 'packages/core/src/importers/fixtures');
const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function json(args: readonly string[]): Promise<Record<string, unknown>> {
  const r = await runCli([...args, '--json']);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as Record<string, unknown>;
  if (args[0] === '--db' && args[2] === 'ingest' && args[1] !== undefined) await expectReconciled(args[1], out);
  return out;
}

/** Every ingest reconciles, in its summary and on every stored batch: read = accepted + rejected + skipped, skip reasons summing to skipped. */
async function expectReconciled(db: string, summary: Record<string, unknown>): Promise<void> {
  expect(summary['read']).toBe(Number(summary['accepted']) + Number(summary['rejected']) + Number(summary['skipped']));
  const unreconciled = await rows(db, `SELECT batch_id FROM batches WHERE n_read <> n_accepted + n_rejected + n_skipped
    OR n_skipped <> coalesce((SELECT sum(CAST(value AS BIGINT)) FROM json_each(skipped_reasons)), 0)`);
  expect(unreconciled).toEqual([]);
}

async function rows<T extends Record<string, unknown>>(db: string, sql: string): Promise<T[]> {
  const store = await Store.open(db, { readOnly: true });
  try {
    return await store.all<T>(sql);
  } finally {
    store.close();
  }
}

describe('ingest from annotation tools (real CLI, real DuckDB file)', () => {
  it('Label Studio: annotations → labels (other answers reachable with --map src.*), predictions → judge scores; cancelled work counted in provenance', async () => {
    const db = join(tmp.dir, 'ls.duckdb');
    const file = join(FIX, 'label-studio-export.json');
    const labels = await json(['--db', db, 'ingest', 'labels', file, '--gold', 'support', '--question', 'helpfulness', '--scale', 'ordinal:1-5', '--pass-threshold', '4',
      '--map', 'slice=src.data.category,rationale=src.result.comment']);
    expect(labels).toMatchObject({ format: 'label-studio', read: 9, accepted: 5, rejected: 0, skipped: 4, inserted: 5,
      import: { tool: 'label-studio', question: 'helpfulness', skipped_reasons: { 'cancelled annotation': 1, 'annotation with no result': 1, 'question "comment" not selected': 2 } } });
    const judge = await json(['--db', db, 'ingest', 'judge', file, '--gold', 'support', '--judge', 'gpt-judge@v3']);
    expect(judge).toMatchObject({ judge: 'gpt-judge@v3', read: 5, accepted: 4, skipped: 1, inserted: 4 });

    const prov = await json(['--db', db, 'provenance', '--gold', 'support']);
    expect(prov['labelers']).toHaveLength(3);
    expect(prov['items']).toMatchObject({ total: 3, single_labeled: 1 });
    expect(prov['batches']).toEqual([
      expect.objectContaining({ kind: 'labels', format: 'label-studio', source_file: 'label-studio-export.json', n_read: 9, n_accepted: 5, n_rejected: 0, n_inserted: 5 }),
      expect.objectContaining({ kind: 'judge', format: 'label-studio', n_read: 5, n_accepted: 4, n_inserted: 4 }),
    ]);
    expect(await rows(db, `SELECT slice, rationale FROM labels WHERE item_id = '101' ORDER BY seq`)).toEqual([
      { slice: 'account', rationale: 'Clear, but does not say the link expires.' }, { slice: 'account', rationale: null },
    ]);
    expect(await rows(db, `SELECT item_id, labeler_id, source_ref FROM labels WHERE item_id = '103' ORDER BY seq`)).toEqual([
      { item_id: '103', labeler_id: '12', source_ref: 'label-studio:task=103&annotation=1005&lead_time=31.2&ground_truth=1' },
      { item_id: '103', labeler_id: '13', source_ref: 'label-studio:task=103&annotation=1006&lead_time=12' },
    ]);
    expect(await rows(db, `SELECT item_id, judge, score_value FROM judge_scores ORDER BY seq`)).toEqual([
      { item_id: '101', judge: 'gpt-judge@v3', score_value: 4 }, { item_id: '102', judge: 'gpt-judge@v3', score_value: 3 },
      { item_id: '103', judge: 'gpt-judge@v3', score_value: 2 }, { item_id: '104', judge: 'gpt-judge@v3', score_value: 5 },
    ]);
    expect((await runCli(['--db', db, 'verify'])).code).toBe(0);
  });

  it('Prodigy: detected without --format; ignore answers counted, not labels', async () => {
    const db = join(tmp.dir, 'prodigy.duckdb');
    const s = await json(['--db', db, 'ingest', 'labels', join(FIX, 'prodigy-db-out.jsonl'), '--gold', 'pd', '--scale', 'nominal:pass,fail', '--pass-categories', 'pass']);
    expect(s).toMatchObject({ format: 'prodigy', read: 7, accepted: 5, skipped: 2, inserted: 5,
      import: { skipped_reasons: { 'ignore answer': 1, 'rejected choice task (no option is the label)': 1 } } });
    const prov = await json(['--db', db, 'provenance', '--gold', 'pd']);
    expect((prov['labelers'] as { labeler_id: string; n_sessions: number }[]).map((l) => l.labeler_id).sort()).toEqual(['support_eval-alice', 'support_eval-bob', 'support_eval-carol']);
    expect(prov['batches']).toEqual([expect.objectContaining({ format: 'prodigy', n_read: 7, n_accepted: 5, n_rejected: 0, n_skipped: 2 })]);
  });

  it('Argilla: needs --labeled-at (exit 2), then records it as supplied; suggestions become the judge', async () => {
    const db = join(tmp.dir, 'argilla.duckdb');
    const file = join(FIX, 'argilla-records.json');
    const noTime = await runCli(['--db', db, 'ingest', 'labels', file, '--gold', 'qa', '--question', 'correctness']);
    expect(noTime.code).toBe(2);
    expect(noTime.stderr).toContain('keep no time for their responses; supply it with --labeled-at');
    const s = await json(['--db', db, 'ingest', 'labels', file, '--gold', 'qa', '--question', 'correctness', '--labeled-at', '2024-06-30']);
    expect(s).toMatchObject({ format: 'argilla', read: 6, accepted: 3, skipped: 3, supplied: { labeled_at: '2024-06-30' } });
    const prov = await json(['--db', db, 'provenance', '--gold', 'qa']);
    expect(prov['batches']).toEqual([expect.objectContaining({ format: 'argilla', n_read: 6, n_accepted: 3, supplied: { labeled_at: '2024-06-30' } })]);
    const judge = await json(['--db', db, 'ingest', 'judge', file, '--gold', 'qa']);
    expect(judge).toMatchObject({ judge: 'gpt-4o-judge@2024-08', read: 4, accepted: 4, skipped: 0 });
    // Dataset.to_disk: the rating question's range comes from settings.json beside records.json
    const disk = await json(['--db', db, 'ingest', 'labels', join(FIX, 'argilla-disk/records.json'), '--gold', 'res', '--question', 'resolution', '--labeled-at', '2024-09-01', '--pass-threshold', '2']);
    expect(disk).toMatchObject({ scale: { kind: 'ordinal', min: 0, max: 3, pass_threshold: 2 }, scale_inferred: false, import: { scale_from: join(FIX, 'argilla-disk/settings.json') } });
  });
});

describe('ingest from tracing tools (real CLI, real DuckDB file)', () => {
  it('Langfuse: traces → traffic (embedded generation skipped), ANNOTATION → labels, EVAL → judge renamed by --judge', async () => {
    const db = join(tmp.dir, 'langfuse.duckdb');
    const traffic = await json(['--db', db, 'ingest', 'traffic', join(FIX, 'langfuse-traces.json')]);
    expect(traffic).toMatchObject({ format: 'langfuse', read: 5, accepted: 3, skipped: 2, inserted: 3 });
    const scores = join(FIX, 'langfuse-scores.json');
    const labels = await json(['--db', db, 'ingest', 'labels', scores, '--gold', 'lf', '--question', 'correctness']);
    expect(labels).toMatchObject({ read: 7, accepted: 4, skipped: 3, scale: { kind: 'nominal', categories: ['correct', 'incorrect'] } });
    const judge = await json(['--db', db, 'ingest', 'judge', scores, '--judge', 'halluc-judge@v1']);
    expect(judge).toMatchObject({ judge: 'halluc-judge@v1', read: 5, accepted: 4, skipped: 1, import: { source_judge: 'hallucination' } });
    const [t] = await rows<{ input: string; metadata: string }>(db, `SELECT input, metadata FROM traffic ORDER BY seq LIMIT 1`);
    expect(t?.input).toBe('How do I change the email on my account?');
    expect(JSON.parse(t?.metadata ?? '{}')).toMatchObject({ tenant: 'acme', session_id: 'sess-8812', tags: 'prod,chat' });
    expect((await runCli(['--db', db, 'verify'])).code).toBe(0);
  });

  it('LangSmith: root runs → traffic; people\'s feedback → labels, evaluator feedback → judge', async () => {
    const db = join(tmp.dir, 'langsmith.duckdb');
    expect(await json(['--db', db, 'ingest', 'traffic', join(FIX, 'langsmith-runs.jsonl')])).toMatchObject({ format: 'langsmith', read: 4, accepted: 3, skipped: 1 });
    const fb = join(FIX, 'langsmith-feedback.json');
    expect(await json(['--db', db, 'ingest', 'labels', fb, '--gold', 'ls'])).toMatchObject({ read: 5, accepted: 4, skipped: 1, scale: { kind: 'binary' } });
    const ambiguous = await runCli(['--db', db, 'ingest', 'judge', fb, '--json']);
    expect(ambiguous.code).toBe(2);
    expect(JSON.parse(ambiguous.stdout)).toMatchObject({ error: { code: 'IMPORT_QUESTION_AMBIGUOUS' }, exit_code: 2 });
    expect(await json(['--db', db, 'ingest', 'judge', fb, '--question', 'correctness', '--judge', 'correctness-eval@v2'])).toMatchObject({ judge: 'correctness-eval@v2', read: 4, accepted: 2, skipped: 2 });
    expect(await rows(db, `SELECT ts FROM traffic ORDER BY seq LIMIT 1`)).toEqual([{ ts: '2024-05-05T23:20:01.102Z' }]);
  });

  it('OpenTelemetry GenAI: GenAI spans → traffic, evaluation events → judge scores on the span', async () => {
    const db = join(tmp.dir, 'otel.duckdb');
    const file = join(FIX, 'otel-genai.jsonl');
    expect(await json(['--db', db, 'ingest', 'traffic', file])).toMatchObject({ format: 'otel-genai', read: 4, accepted: 2, skipped: 2 });
    expect(await json(['--db', db, 'ingest', 'judge', file, '--judge', 'relevance'])).toMatchObject({ judge: 'relevance', read: 3, accepted: 2, skipped: 1 });
    expect(await rows(db, `SELECT j.item_id, j.score_value, t.input FROM judge_scores j JOIN traffic t ON t.id = j.item_id ORDER BY j.seq`)).toEqual([
      { item_id: '00f067aa0ba902b7', score_value: 0.9, input: 'Can I return an opened item?' },
      { item_id: '10f067aa0ba902b8', score_value: 0.35, input: 'Where is order 5512?\n\nAnd when will it arrive?' },
    ]);
  });
});

describe('tool import errors', () => {
  it('rejects an export with an invalid record whole, naming file, record and field; the store is unchanged', async () => {
    const db = join(tmp.dir, 'bad.duckdb');
    const file = join(tmp.dir, 'ls-bad.json');
    const ann = (id: number, by: number | undefined, rating: number) => ({ id, ...(by === undefined ? {} : { completed_by: by }), created_at: '2024-03-01T10:00:00Z', result: [{ from_name: 'q', type: 'rating', value: { rating } }] });
    writeFileSync(file, JSON.stringify([
      { id: 1, data: { text: 'a' }, annotations: [ann(10, 7, 4)] },
      { id: 2, data: { text: 'b' }, annotations: [ann(11, undefined, 2), { id: 12, completed_by: 7, result: [{ from_name: 'q', type: 'choices', value: { choices: ['x', 'y'] } }] }] },
    ]));
    const r = await runCli(['--db', db, 'ingest', 'labels', file, '--gold', 'g']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('2 of 3 records are invalid; nothing was imported');
    expect(r.stderr).toContain('ls-bad.json: record 2: field "labeler_id": required field is missing');
    expect(r.stderr).toContain('ls-bad.json: record 2: task 2, annotation 12, "q": 2 choices selected (x, y); a label holds one value');
    expect(await rows(db, `SELECT (SELECT count(*) FROM batches) AS batches, (SELECT count(*) FROM labels) AS labels`)).toEqual([{ batches: 0, labels: 0 }]);
    const quarantined = await json(['--db', db, 'ingest', 'labels', file, '--gold', 'g', '--skip-invalid']);
    expect(quarantined).toMatchObject({ read: 3, accepted: 1, rejected: 2, inserted: 1 });
  });

  it('refuses a kind the tool cannot hold, and --question on a file that is not a tool export', async () => {
    const db = join(tmp.dir, 'kinds.duckdb');
    const r = await runCli(['--db', db, 'ingest', 'traffic', join(FIX, 'prodigy-db-out.jsonl'), '--format', 'prodigy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a Prodigy JSONL (prodigy db-out) holds labels, not traffic');
    const own = join(tmp.dir, 'own.jsonl');
    writeFileSync(own, `${JSON.stringify({ item_id: 'i', labeler_id: 'a', label: 1, labeled_at: '2024-01-01' })}\n`);
    const q = await runCli(['--db', db, 'ingest', 'labels', own, '--gold', 'g', '--question', 'x']);
    expect(q.code).toBe(2);
    expect((await runCli(['--db', db, 'ingest', 'labels', own, '--gold', 'g', '--json'])).code).toBe(0);
  });

  it('--quarantine to a path that does not exist yet creates it (issue 14: "no such file")', async () => {
    const db = join(tmp.dir, 'quarantine.duckdb');
    const file = join(tmp.dir, 'some-bad.jsonl');
    writeFileSync(file, `${JSON.stringify({ item_id: 'a', labeler_id: 'x', label: 1, labeled_at: '2024-01-01' })}\n${JSON.stringify({ item_id: 'b', labeler_id: 'x', label: 1, labeled_at: 'never' })}\n`);
    const q = join(tmp.dir, 'not', 'yet', 'rejected.jsonl');
    expect(await json(['--db', db, 'ingest', 'labels', file, '--gold', 'g', '--skip-invalid', '--quarantine', q])).toMatchObject({ read: 2, accepted: 1, rejected: 1, quarantine_file: q });
    expect(JSON.parse(readFileSync(q, 'utf8'))).toMatchObject({ line: 2, field: 'labeled_at' });
  });

  it('Label Studio CSV: detected, one labeler across the JSON and CSV exports with --labeler-map; Prodigy without annotator names --labeler', async () => {
    const db = join(tmp.dir, 'lsmap.duckdb');
    const map = join(tmp.dir, 'labelers.json');
    writeFileSync(map, JSON.stringify({ 11: 'ana@example.com', 12: 'bea@example.com', 13: 'cem@example.com' }));
    const csv = await json(['--db', db, 'ingest', 'labels', join(FIX, 'label-studio.csv'), '--gold', 's', '--question', 'helpfulness', '--scale', 'ordinal:1-5']);
    expect(csv).toMatchObject({ format: 'label-studio', read: 8, accepted: 3, skipped: 5 });
    const old = join(tmp.dir, 'old-prodigy.jsonl');
    writeFileSync(old, `${JSON.stringify({ text: 'spam?', label: 'SPAM', answer: 'accept', _input_hash: 1, _task_hash: 2 })}\n`);
    const r = await runCli(['--db', db, 'ingest', 'labels', old, '--gold', 'p']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('supply it with --labeler ID');
    expect(await json(['--db', db, 'ingest', 'labels', old, '--gold', 'p', '--labeler', 'ann-1', '--labeled-at', '2019-05-01'])).toMatchObject({ accepted: 1, supplied: { labeler_id: 'ann-1', labeled_at: '2019-05-01' } });
    const text = await runCli(['--db', db, 'provenance', '--gold', 's']);
    expect(text.stdout).toContain('skipped 5 (3 question "category" not selected; 1 question "comment" not selected; 1 question "tone" not selected)');
    await json(['--db', db, 'ingest', 'labels', join(FIX, 'label-studio-export.json'), '--gold', 'm', '--question', 'helpfulness', '--labeler-map', map]);
    const prov = await json(['--db', db, 'provenance', '--gold', 'm']);
    expect((prov['labelers'] as { labeler_id: string }[]).map((l) => l.labeler_id).sort()).toEqual(['ana@example.com', 'bea@example.com', 'cem@example.com']);
    expect(prov['batches']).toEqual([expect.objectContaining({ labeler_map: { 11: 'ana@example.com', 12: 'bea@example.com', 13: 'cem@example.com' } })]);
    expect((await runCli(['--db', db, 'verify'])).code).toBe(0);
  });

  it('documents the tool formats in --help', async () => {
    const r = await runCli(['ingest', 'labels', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('label-studio');
    expect(r.stdout).toContain('--question <name>');
    const top = await runCli(['ingest', '--help']);
    expect(top.stdout).toContain('Tool exports (--format NAME, detected from the file when unambiguous)');
  });
});
