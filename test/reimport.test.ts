import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '@touchstone/core';
import { runCli, tempDir } from './helpers/cli.js';

// Tool exports are cumulative: teams import this week's export over last week's. Every annotation
// of one Label Studio task (every response of one Argilla record) comes from the same export
// record, so the record number cannot tell them apart. Importing the same export again must store
// nothing new, a new annotation on an already-imported task must be stored, the printed and JSON
// counts must be the rows in the DuckDB file, and verify and guard must stay intact.
const tmp = tempDir('touchstone-reimport-');
afterAll(() => tmp.cleanup());

interface Counts { read: number; accepted: number; skipped: number; duplicates: number; inserted: number; batch_id: number }

async function ingest(db: string, args: readonly string[]): Promise<Counts> {
  const r = await runCli(['--db', db, 'ingest', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Counts;
}

async function rows<T>(db: string, sql: string): Promise<T[]> {
  const store = await Store.open(db, { readOnly: true });
  try {
    return await store.all<T & Record<string, unknown>>(sql);
  } finally {
    store.close();
  }
}

/** Rows stored per batch next to the batch's own count, for every batch of `table`. */
const perBatch = (db: string, table: string) =>
  rows<{ batch_id: number; n_inserted: number; stored: number }>(db, `SELECT b.batch_id, b.n_inserted, count(t.seq)::INTEGER AS stored
    FROM batches b LEFT JOIN ${table} t USING (batch_id) WHERE b.kind = '${table === 'labels' ? 'labels' : 'judge'}' GROUP BY ALL ORDER BY b.batch_id`);

async function expectIntact(db: string, gold: string): Promise<void> {
  const v = await runCli(['--db', db, 'verify', '--json']);
  expect(v.code, v.stdout + v.stderr).toBe(0);
  expect(JSON.parse(v.stdout)).toMatchObject({ intact: true, findings: [] });
  const g = await runCli(['--db', db, 'guard', '--gold', gold, '--json']);
  expect(g.code, g.stdout + g.stderr).toBe(0);
  expect(JSON.parse(g.stdout)).toMatchObject({ ok: true });
}

// --- Label Studio: JSON export (Export → JSON), tasks with their annotations and predictions ----------
type Annotation = { id: number; by: number; rating?: number; created: string; cancelled?: boolean };
const lsTask = (id: number, prompt: string, annotations: Annotation[], prediction: number) => ({
  id,
  data: { prompt, response: `Answer to: ${prompt}` },
  annotations: annotations.map((a) => ({
    id: a.id,
    completed_by: a.by,
    result: a.rating === undefined ? [] : [{ value: { rating: a.rating }, id: `r${a.id}`, from_name: 'helpfulness', to_name: 'response', type: 'rating', origin: 'manual' }],
    was_cancelled: a.cancelled === true,
    ground_truth: false,
    created_at: a.created,
    updated_at: a.created,
    lead_time: 20.5,
    task: id,
    project: 3,
  })),
  predictions: [{ id: 9000 + id, model_version: 'judge@v1', result: [{ value: { rating: prediction }, id: `p${id}`, from_name: 'helpfulness', to_name: 'response', type: 'rating', origin: 'prediction' }],
    score: 0.5, created_at: '2024-05-01T08:00:00.000000Z', task: id, project: 3 }],
  created_at: '2024-05-01T07:00:00.000000Z',
  updated_at: '2024-05-02T07:00:00.000000Z',
  inner_id: id - 300,
  total_annotations: annotations.length,
  project: 3,
});
const lsWeek1 = [
  lsTask(301, 'How do I reset my password?', [{ id: 1, by: 21, rating: 4, created: '2024-05-02T10:00:00.100000Z' }, { id: 2, by: 22, rating: 5, created: '2024-05-02T11:00:00.200000Z' }], 4),
  lsTask(302, 'Can I get a refund?', [{ id: 3, by: 21, rating: 2, created: '2024-05-02T10:05:00.300000Z' }, { id: 4, by: 23, created: '2024-05-02T12:00:00Z', cancelled: true }], 3),
  lsTask(303, 'Where is my order?', [{ id: 5, by: 22, rating: 3, created: '2024-05-02T11:10:00Z' }, { id: 6, by: 23, rating: 1, created: '2024-05-02T12:10:00Z' }], 2),
];
// Week 2: the same tasks, a third rater's new annotation on task 301 (already imported), and a new task.
const lsWeek2 = [
  { ...lsWeek1[0], annotations: [...lsWeek1[0]!.annotations, ...lsTask(301, '', [{ id: 7, by: 23, rating: 4, created: '2024-05-09T09:00:00Z' }], 4).annotations] },
  lsWeek1[1],
  lsWeek1[2],
  lsTask(304, 'How do I change my email?', [{ id: 8, by: 21, rating: 5, created: '2024-05-09T09:30:00Z' }], 5),
];

describe('re-importing a cumulative Label Studio export (real CLI, real DuckDB file)', () => {
  it('twice: nothing new stored and said so; a new annotation on an imported task: stored; counts are the stored rows; verify and guard intact', async () => {
    const db = join(tmp.dir, 'ls.duckdb');
    const week1 = join(tmp.dir, 'ls-week1.json');
    const week2 = join(tmp.dir, 'ls-week2.json');
    writeFileSync(week1, JSON.stringify(lsWeek1, null, 2));
    writeFileSync(week2, JSON.stringify(lsWeek2, null, 2));
    const labels = ['labels', '--gold', 'support', '--question', 'helpfulness'];

    expect(await ingest(db, [...labels.slice(0, 1), week1, ...labels.slice(1), '--scale', 'ordinal:1-5', '--pass-threshold', '4']))
      .toMatchObject({ read: 6, accepted: 5, skipped: 1, duplicates: 0, inserted: 5 });
    expect(await ingest(db, [labels[0]!, week1, ...labels.slice(1)])).toMatchObject({ read: 6, accepted: 5, duplicates: 5, inserted: 0 });
    const text = await runCli(['--db', db, 'ingest', labels[0]!, week1, ...labels.slice(1)]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/stored +0 new, 5 exact duplicates not stored twice/);
    expect(await ingest(db, [labels[0]!, week2, ...labels.slice(1)])).toMatchObject({ read: 8, accepted: 7, duplicates: 5, inserted: 2 });

    expect(await perBatch(db, 'labels')).toEqual([
      { batch_id: 1, n_inserted: 5, stored: 5 }, { batch_id: 2, n_inserted: 0, stored: 0 },
      { batch_id: 3, n_inserted: 0, stored: 0 }, { batch_id: 4, n_inserted: 2, stored: 2 },
    ]);
    expect(await rows(db, `SELECT item_id, labeler_id, label_value, source_ref FROM labels WHERE batch_id = 4 ORDER BY seq`)).toEqual([
      { item_id: '301', labeler_id: '23', label_value: 4, source_ref: 'label-studio:task=301&annotation=7&lead_time=20.5' },
      { item_id: '304', labeler_id: '21', label_value: 5, source_ref: 'label-studio:task=304&annotation=8&lead_time=20.5' },
    ]);
    expect(await rows(db, `SELECT count(*)::INTEGER AS n, count(DISTINCT source_ref)::INTEGER AS distinct_refs FROM labels`)).toEqual([{ n: 7, distinct_refs: 7 }]);

    // Predictions (judge scores) from the same cumulative export.
    const judge = ['judge', '--gold', 'support', '--judge', 'judge@v1'];
    expect(await ingest(db, [judge[0]!, week1, ...judge.slice(1)])).toMatchObject({ inserted: 3, duplicates: 0 });
    expect(await ingest(db, [judge[0]!, week2, ...judge.slice(1)])).toMatchObject({ inserted: 1, duplicates: 3 });
    expect(await perBatch(db, 'judge_scores')).toEqual([{ batch_id: 5, n_inserted: 3, stored: 3 }, { batch_id: 6, n_inserted: 1, stored: 1 }]);
    await expectIntact(db, 'support');
  });
});

// --- Argilla v2: records.to_list(flatten=True) written as JSON --------------------------------------------
const USERS = ['5e3c4a1d-7b2f-4f7e-9d0a-1b2c3d4e5f60', 'a9b8c7d6-e5f4-4321-8765-0fedcba98765', '0c0ffee0-1234-4abc-9def-001122334455'] as const;
const argillaRecord = (id: string, prompt: string, answers: [user: number, value: string, status: string][]) => ({
  id,
  _server_id: `00000000-0000-4000-8000-${id.replace(/\D/g, '').padStart(12, '0')}`,
  status: answers.some((a) => a[2] === 'submitted') ? 'completed' : 'pending',
  prompt,
  response: `Answer to: ${prompt}`,
  'correctness.responses': answers.map((a) => a[1]),
  'correctness.responses.users': answers.map((a) => USERS[a[0]]),
  'correctness.responses.status': answers.map((a) => a[2]),
  'correctness.suggestion': 'correct',
  'correctness.suggestion.score': 0.8,
  'correctness.suggestion.agent': 'judge@v2',
});
const argillaWeek1 = [
  argillaRecord('rec-1', 'Capital of Australia?', [[0, 'correct', 'submitted'], [1, 'correct', 'submitted']]),
  argillaRecord('rec-2', 'Who wrote Emma?', [[0, 'incorrect', 'submitted'], [2, 'correct', 'discarded']]),
  argillaRecord('rec-3', '100 F in Celsius?', [[1, 'correct', 'submitted'], [2, 'incorrect', 'draft']]),
];
const argillaWeek2 = [
  argillaRecord('rec-1', 'Capital of Australia?', [[0, 'correct', 'submitted'], [1, 'correct', 'submitted'], [2, 'incorrect', 'submitted']]),
  argillaWeek1[1],
  argillaWeek1[2],
];

describe('re-importing a cumulative Argilla export (real CLI, real DuckDB file)', () => {
  it('twice: nothing new stored; a new response on an imported record: stored; counts are the stored rows; verify and guard intact', async () => {
    const db = join(tmp.dir, 'argilla.duckdb');
    const week1 = join(tmp.dir, 'argilla-week1.json');
    const week2 = join(tmp.dir, 'argilla-week2.json');
    writeFileSync(week1, JSON.stringify(argillaWeek1, null, 2));
    writeFileSync(week2, JSON.stringify(argillaWeek2, null, 2));
    const opts = ['--gold', 'qa', '--question', 'correctness', '--labeled-at', '2024-06-30'];

    expect(await ingest(db, ['labels', week1, ...opts, '--scale', 'nominal:correct,incorrect', '--pass-categories', 'correct']))
      .toMatchObject({ read: 6, accepted: 4, skipped: 2, duplicates: 0, inserted: 4 });
    expect(await ingest(db, ['labels', week1, ...opts])).toMatchObject({ read: 6, accepted: 4, duplicates: 4, inserted: 0 });
    expect(await ingest(db, ['labels', week2, ...opts])).toMatchObject({ read: 7, accepted: 5, duplicates: 4, inserted: 1 });
    expect(await perBatch(db, 'labels')).toEqual([
      { batch_id: 1, n_inserted: 4, stored: 4 }, { batch_id: 2, n_inserted: 0, stored: 0 }, { batch_id: 3, n_inserted: 1, stored: 1 },
    ]);
    expect(await rows(db, `SELECT item_id, labeler_id, label_text FROM labels WHERE batch_id = 3`)).toEqual([
      { item_id: 'rec-1', labeler_id: USERS[2], label_text: 'incorrect' },
    ]);

    const judge = ['--gold', 'qa', '--judge', 'judge@v2'];
    expect(await ingest(db, ['judge', week1, ...judge])).toMatchObject({ inserted: 3, duplicates: 0 });
    expect(await ingest(db, ['judge', week2, ...judge])).toMatchObject({ inserted: 0, duplicates: 3 });
    expect(await perBatch(db, 'judge_scores')).toEqual([{ batch_id: 4, n_inserted: 3, stored: 3 }, { batch_id: 5, n_inserted: 0, stored: 0 }]);
    await expectIntact(db, 'qa');
  });
});

describe('re-importing an Argilla export with another --labeled-at (real CLI)', () => {
  it('the fallback time does not make a label new: duplicates, then only the new response stored; counts are the stored rows', async () => {
    const db = join(tmp.dir, 'argilla-fallback.duckdb');
    const week1 = join(tmp.dir, 'argilla-fallback-week1.json');
    const week2 = join(tmp.dir, 'argilla-fallback-week2.json');
    writeFileSync(week1, JSON.stringify(argillaWeek1, null, 2));
    writeFileSync(week2, JSON.stringify(argillaWeek2, null, 2));
    const opts = ['--gold', 'qa', '--question', 'correctness'];
    expect(await ingest(db, ['labels', week1, ...opts, '--labeled-at', '2024-06-30', '--scale', 'nominal:correct,incorrect']))
      .toMatchObject({ read: 6, accepted: 4, duplicates: 0, inserted: 4 });
    expect(await ingest(db, ['labels', week1, ...opts, '--labeled-at', '2024-07-07'])).toMatchObject({ read: 6, accepted: 4, duplicates: 4, inserted: 0 });
    expect(await ingest(db, ['labels', week2, ...opts, '--labeled-at', '2024-07-14T09:30:00Z'])).toMatchObject({ read: 7, accepted: 5, duplicates: 4, inserted: 1 });
    expect(await perBatch(db, 'labels')).toEqual([
      { batch_id: 1, n_inserted: 4, stored: 4 }, { batch_id: 2, n_inserted: 0, stored: 0 }, { batch_id: 3, n_inserted: 1, stored: 1 },
    ]);
    expect(await rows(db, `SELECT count(*)::INTEGER AS n FROM labels`)).toEqual([{ n: 5 }]);
    await expectIntact(db, 'qa');
  });
});
