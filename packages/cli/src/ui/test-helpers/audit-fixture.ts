import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestJudge, ingestLabels, parseScaleSpec, Store } from '@touchstone/core';

export const FIXTURE_GOLD = 'fx';
/** A labeler id carrying an OSC 52 clipboard write and a colour: must show as "mallory". */
export const EVIL_LABELER = 'mal\u001b]52;c;cHduZWQ=\u0007lo\u001b[31mry';
export const EVIL_ITEM = 'i007';
export const SLICES = ['refunds', 'tone', 'billing'] as const;

/**
 * A small deterministic gold set: 45 items on an ordinal 1–5 scale (pass ≥ 4), 3 labels per item
 * from ann, bob, cat and dan (dan is lenient by +1 on refunds), sessions of 10, guideline v1 then v2,
 * one relabel (ann on i004), four refunds items whose pass only dan's label decides (i041–i044) and one
 * only dan labeled (i045), hostile strings in an item text and a labeler id, and judge scores.
 */
export function fixtureRecords(): { labels: object[]; judge: object[] } {
  const labelers = ['ann', 'bob', 'cat', 'dan'];
  const labels: object[] = [];
  const perLabeler = new Map<string, number>();
  for (let i = 1; i <= 40; i += 1) {
    const item = `i${String(i).padStart(3, '0')}`;
    const slice = SLICES[i % 3] ?? 'tone';
    const truth = 1 + ((i * 7) % 5);
    const input = i === 7 ? `Customer: <script>alert(1)</script> refund?\u001b]52;c;ZXZpbA==\u0007 \u001b[2J please` : `Customer ${i} asks about ${slice}: can I get my money back for order ${1000 + i}?`;
    for (let k = 0; k < 3; k += 1) {
      const labeler = labelers[(i + k) % 4] ?? 'ann';
      const n = (perLabeler.get(labeler) ?? 0) + 1;
      perLabeler.set(labeler, n);
      const lenient = labeler === 'dan' && slice === 'refunds' ? 1 : 0;
      const spread = i % 4 === 0 ? [0, -1, 1][k] ?? 0 : 0;
      const label = Math.min(5, truth + lenient + spread);
      const day = 1 + Math.floor((n - 1) / 10);
      labels.push({
        item_id: item, labeler_id: labeler, label: Math.max(1, label),
        labeled_at: `2026-03-${String(day).padStart(2, '0')}T09:${String(n % 60).padStart(2, '0')}:00Z`,
        slice, guideline_version: day <= 2 ? 'v1' : 'v2', session_id: `${labeler}-d${day}`,
        input, output: `Agent reply ${i}`, rationale: k === 0 ? `looks right ${i}` : undefined,
      });
    }
  }
  // Items whose pass/fail only dan decides: two labels (bob 3, dan 5 → median 4, pass; without dan 3, fail), and one only dan labeled.
  for (const item of ['i041', 'i042', 'i043', 'i044']) {
    for (const [labeler, label] of [['bob', 3], ['dan', 5]] as const) {
      labels.push({ item_id: item, labeler_id: labeler, label, labeled_at: '2026-03-19T10:00:00Z', slice: 'refunds', guideline_version: 'v2', session_id: `${labeler}-late`, input: `Late refund question ${item}` });
    }
  }
  labels.push({ item_id: 'i045', labeler_id: 'dan', label: 4, labeled_at: '2026-03-19T11:00:00Z', slice: 'refunds', guideline_version: 'v2', session_id: 'dan-late', input: 'Only dan saw this one' });
  labels.push({ item_id: 'i004', labeler_id: 'ann', label: 2, labeled_at: '2026-03-20T10:00:00Z', slice: SLICES[1], guideline_version: 'v2', session_id: 'ann-relabel', rationale: 'relabeled after review' });
  for (const item of ['i002', 'i003', 'i004']) {
    labels.push({ item_id: item, labeler_id: EVIL_LABELER, label: 3, labeled_at: '2026-03-21T10:00:00Z', slice: 'tone', guideline_version: 'v2', session_id: 'm1' });
  }
  const judge = Array.from({ length: 40 }, (_, j) => ({ item_id: `i${String(j + 1).padStart(3, '0')}`, judge: 'jj@v1', score: 1 + (((j + 1) * 7) % 5), scored_at: '2026-03-22T00:00:00Z' }));
  return { labels, judge };
}

/** Writes the fixture into a fresh store file; returns the open (writable) store and a cleanup. */
export async function fixtureStore(): Promise<{ store: Store; dir: string; db: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'ts-audit-'));
  const db = join(dir, 'store.duckdb');
  const { labels, judge } = fixtureRecords();
  const labelsFile = join(dir, 'labels.jsonl');
  const judgeFile = join(dir, 'judge.jsonl');
  writeFileSync(labelsFile, `${labels.map((r) => JSON.stringify(r)).join('\n')}\n`);
  writeFileSync(judgeFile, `${judge.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const store = await Store.open(db);
  await ingestLabels(store, { file: labelsFile, actor: 'fixture-bot', goldSet: FIXTURE_GOLD, scale: parseScaleSpec('ordinal:1-5', 4) });
  await ingestJudge(store, { file: judgeFile, actor: 'fixture-bot', judge: 'jj@v1', goldSet: FIXTURE_GOLD });
  return { store, dir, db, cleanup: () => { store.close(); rmSync(dir, { recursive: true, force: true }); } };
}
