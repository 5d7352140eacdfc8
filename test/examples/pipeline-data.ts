import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '@touchstone/core/stats';

export interface PipelineData {
  readonly goldLabels: string;
  readonly judgeScores: string;
  /** The judge's 1–5 scores on an eval run's 400 unlabeled outputs. */
  readonly runScores: number[];
}

export interface PipelineDataOptions {
  /** lenny, the second rater of every seventh item, rates every item two points too high. */
  readonly lenientLabeler?: boolean;
  /** The judge gives a 5 to half of the items humans rate 1 or 2. */
  readonly lenientJudge?: boolean;
}

const PEERS = ['ana', 'ben', 'cy', 'dee', 'eli', 'fay'];
const SLICES = ['billing', 'login', 'shipping'];
const clip = (x: number): number => Math.min(5, Math.max(1, x));

/**
 * A support gold set of 300 items rated 1–5 (pass ≥ 4): item quality q = 1 + (i mod 5); each item
 * is rated by one of six peers and by a second rater — another peer, or lenny on every seventh item.
 * Raters and the judge are off by one point 10% of the time. Written as JSONL to `dir`.
 */
export function writePipelineData(dir: string, options: PipelineDataOptions = {}): PipelineData {
  const rng = createRng(42);
  const noisy = (q: number): number => clip(q + (rng.next() < 0.1 ? (rng.next() < 0.5 ? -1 : 1) : 0));
  const labels: object[] = [];
  const judge: object[] = [];
  for (let i = 0; i < 300; i++) {
    const q = 1 + (i % 5);
    const item = { item_id: `s${i}`, labeled_at: `2026-03-0${1 + (i % 9)}T10:00:00Z`, slice: SLICES[i % 3], input: `support request ${i}`, output: `answer ${i}` };
    labels.push({ ...item, labeler_id: PEERS[i % 6], label: noisy(q) });
    const lenny = i % 7 === 3;
    const second = lenny ? 'lenny' : PEERS[(i + 1 + (i % 4)) % 6];
    labels.push({ ...item, labeler_id: second, label: lenny && options.lenientLabeler === true ? clip(q + 2) : noisy(q) });
    judge.push({ item_id: `s${i}`, score: options.lenientJudge === true && q <= 2 && rng.next() < 0.5 ? 5 : noisy(q) });
  }
  // The eval run's outputs are better than the gold items: quality 3, 4 or 5.
  const runScores = Array.from({ length: 400 }, (_, i) => noisy(3 + (i % 3)));
  const write = (name: string, rows: readonly object[]): string => {
    const path = join(dir, name);
    writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    return path;
  };
  return { goldLabels: write('gold-labels.jsonl', labels), judgeScores: write('judge-scores.jsonl', judge), runScores };
}
