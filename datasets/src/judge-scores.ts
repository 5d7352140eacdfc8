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
 * judge tracks quality closely; at the tails it hedges toward the middle: a 1 mostly becomes a 2 or 3
 * and a 5 mostly a 4 (the "regression to the middle" LLM judges show on clear-cut cases).
 */
const TAIL_1 = [0.25, 0.45, 0.3, 0, 0] as const;
const TAIL_5 = [0, 0, 0.2, 0.5, 0.3] as const;

export function generateJudgeScores(rng: Rng, items: readonly GoldItem[]): JudgeScore[] {
  const start = Date.parse(JUDGE_SCORED_AT);
  return items.map((item, i) => {
    const band = clamp(Math.round(item.quality), 1, 5);
    let score: number;
    if (band === 1) score = 1 + weightedIndex(rng, TAIL_1);
    else if (band === 5) score = 1 + weightedIndex(rng, TAIL_5);
    else score = clamp(Math.round(item.quality + 0.3 * rng.normal()), 2, 4);
    return { item_id: item.item_id, judge: JUDGE, score, scored_at: isoSeconds(start + i * 1500) };
  });
}
