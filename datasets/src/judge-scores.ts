import type { Rng } from '@touchstone/core/stats';
import { JUDGE, JUDGE_SCORED_AT } from './demo-story.js';
import type { GoldItem } from './gold-items.js';
import { isoSeconds } from './labeling-calendar.js';
import { clamp, weightedIndex } from './weighted.js';

/** One judge verdict as written to the canonical judge file. */
export interface JudgeScore {
  readonly item_id: string;
  readonly judge: string;
  readonly score: number;
  readonly scored_at: string;
}

/**
 * What an item's true quality band turns into in the judge's hands. In the middle of the scale the
 * judge tracks quality closely; at the tails it fails in both directions LLM judges are known for:
 * clear-cut cases regress to the middle (a true 1 or 5 is often scored 3, two points off), and on
 * a share of middling outputs the judge is overconfident and gives an extreme (1 or 5). So the judge
 * is trusted at 2–4 and not at 1 and 5, whether bands are read by the judge's score or the humans'.
 */
const TAIL_1 = [0.3, 0.2, 0.5, 0, 0] as const;
const TAIL_5 = [0, 0, 0.45, 0.2, 0.35] as const;
const OVERCONFIDENT = 0.08;

export function generateJudgeScores(rng: Rng, items: readonly GoldItem[]): JudgeScore[] {
  const start = Date.parse(JUDGE_SCORED_AT);
  return items.map((item, i) => ({ item_id: item.item_id, judge: JUDGE, score: judgeScore(rng, item.quality), scored_at: isoSeconds(start + i * 1500) }));
}

/** The judge's 1–5 score of an output of true quality `quality` (the same judge scores gold items and traffic). */
export function judgeScore(rng: Rng, quality: number): number {
  const band = clamp(Math.round(quality), 1, 5);
  if (band === 1) return 1 + weightedIndex(rng, TAIL_1);
  if (band === 5) return 1 + weightedIndex(rng, TAIL_5);
  if (rng.next() < OVERCONFIDENT) return quality < 3 ? 1 : 5;
  return clamp(Math.round(quality + 0.3 * rng.normal()), 2, 4);
}
