import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDriftCheck, Store } from '@touchstone/core';
import { runCli } from './helpers/cli.js';

/** A labeler id that is an HTML injection: the report must show it as text. */
export const SCRIPT_LABELER = '<script>alert(1)</script>';
/** A labeler id carrying an OSC 52 clipboard write and a colour: the terminal must show "mallory". */
export const EVIL_LABELER = 'mal\u001b]52;c;cHduZWQ=\u0007lo\u001b[31mry';

const line = (o: object): string => `${JSON.stringify(o)}\n`;
const SLICES = ['refunds', 'tone', 'billing'];

/**
 * A small gold set made through the real CLI: 60 items on ordinal 1–5 (pass ≥ 4), three labels per
 * item from ann, bob, cat, dan (dan lenient on refunds), a few labels by the hostile ids above,
 * one relabel, item texts, and judge scores. With `traffic`, two weeks of traffic recorded with
 * drift-check runs (library calls on the built store).
 */
export async function buildAuditStore(dir: string, options: { traffic?: boolean } = {}): Promise<string> {
  const db = join(dir, 'audit.duckdb');
  let labels = '';
  let judge = '';
  const labelers = ['ann', 'bob', 'cat', 'dan'];
  for (let i = 1; i <= 60; i += 1) {
    const item = `item-${String(i).padStart(3, '0')}`;
    const slice = SLICES[i % 3] ?? 'tone';
    const truth = 1 + ((i * 7) % 5);
    for (let k = 0; k < 3; k += 1) {
      const labeler = labelers[(i + k) % 4] ?? 'ann';
      const label = Math.min(5, truth + (labeler === 'dan' && slice === 'refunds' ? 1 : 0));
      labels += line({ item_id: item, labeler_id: labeler, label, labeled_at: `2026-03-${String(1 + (i % 20)).padStart(2, '0')}T10:${String(k * 10).padStart(2, '0')}:00Z`, slice, guideline_version: i < 30 ? 'v1' : 'v2', session_id: `${labeler}-${i % 20}`, input: `Customer ${i} asks about ${slice}: order ${5000 + i} arrived late`, output: `Reply ${i}` });
    }
    judge += line({ item_id: item, judge: 'judge@v1', score: truth, scored_at: '2026-03-25T00:00:00Z' });
  }
  labels += line({ item_id: 'item-004', labeler_id: 'ann', label: 1, labeled_at: '2026-03-28T09:00:00Z', slice: 'tone', guideline_version: 'v2', rationale: 'relabeled after review' });
  for (const [n, id] of [SCRIPT_LABELER, EVIL_LABELER].entries()) {
    for (const item of ['item-010', 'item-011']) labels += line({ item_id: item, labeler_id: id, label: 2 + n, labeled_at: '2026-03-27T09:00:00Z', slice: 'tone', guideline_version: 'v2' });
  }
  writeFileSync(join(dir, 'labels.jsonl'), labels);
  writeFileSync(join(dir, 'judge.jsonl'), judge);
  await must(['--db', db, 'ingest', 'labels', join(dir, 'labels.jsonl'), '--gold', 'g', '--scale', 'ordinal:1-5', '--pass-threshold', '4', '--actor', 'e2e-bot']);
  await must(['--db', db, 'ingest', 'judge', join(dir, 'judge.jsonl'), '--judge', 'judge@v1', '--gold', 'g', '--actor', 'e2e-bot']);
  if (options.traffic === true) await addTrafficAndDriftRuns(dir, db);
  return db;
}

async function addTrafficAndDriftRuns(dir: string, db: string): Promise<void> {
  let traffic = '';
  for (let d = 0; d < 14; d += 1) {
    for (let r = 0; r < 40; r += 1) {
      const slice = r % 5 === 0 && d >= 7 ? 'crypto' : (SLICES[r % 3] ?? 'tone');
      traffic += line({ id: `t-${d}-${r}`, timestamp: `2026-04-${String(1 + d).padStart(2, '0')}T${String(r % 24).padStart(2, '0')}:00:00Z`, input: `Customer asks about ${slice}: order ${9000 + r} request ${d}`, slice, judge_score: 1 + ((d + r) % 5) });
    }
  }
  writeFileSync(join(dir, 'traffic.jsonl'), traffic);
  await must(['--db', db, 'ingest', 'traffic', join(dir, 'traffic.jsonl'), '--actor', 'e2e-bot']);
  const store = await Store.open(db);
  try {
    for (const now of ['2026-04-08T00:00:00Z', '2026-04-15T00:00:00Z']) await runDriftCheck(store, { goldSet: 'g', window: '7d', now, actor: 'e2e-bot', seed: 1 }); // pass ≥ 4 from the gold set
  } finally {
    store.close();
  }
}

async function must(args: string[]): Promise<void> {
  const r = await runCli(args);
  if (r.code !== 0) throw new Error(`touchstone ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
}
