import { consensusCounts, FAIL, itemConsensus, maxLabelsPerItem, NO_LABELS, PASS } from './consensus.js';
import type { SkewData } from './skew-data.js';

export interface Impact {
  /** Items whose consensus pass/fail/tie outcome changes without the labeler. */
  readonly flippedItems: number;
  /** Items that lose their only labels (they leave the gold set). */
  readonly droppedItems: number;
  /** Gold pass rate without the labeler minus with (over items with a decided consensus). */
  readonly passRateShift: number;
  /** Items to relabel: those whose consensus flips, in item order, at most `limit`. */
  readonly relabel: readonly string[];
}

/**
 * Leave-one-labeler-out impact on the consensus gold: recompute the consensus of every item the
 * labeler labeled (only in one slice when `slice` ≥ 0) without their label, and count what changes.
 */
export function leaveOneOutImpact(data: SkewData, baseline: Int8Array, itemsOfLabeler: Int32Array[], labeler: number, slice: number, limit = 20): Impact {
  let { passes, decided } = consensusCounts(baseline);
  const before = decided === 0 ? 0 : passes / decided;
  const scratch = new Float64Array(maxLabelsPerItem(data));
  let flipped = 0;
  let dropped = 0;
  const relabel: string[] = [];
  for (const i of itemsOfLabeler[labeler] ?? []) {
    if (slice >= 0 && data.itemSlice[i] !== slice) continue;
    const was = baseline[i]!;
    const now = itemConsensus(data, i, labeler, scratch);
    if (now === was) continue;
    if (was === PASS) passes -= 1;
    if (was === PASS || was === FAIL) decided -= 1;
    if (now === PASS) passes += 1;
    if (now === PASS || now === FAIL) decided += 1;
    if (now === NO_LABELS) dropped += 1;
    else {
      flipped += 1;
      if (relabel.length < limit) relabel.push(data.itemIds[i]!);
    }
  }
  const after = decided === 0 ? 0 : passes / decided;
  return { flippedItems: flipped, droppedItems: dropped, passRateShift: after - before, relabel };
}

/** Items each labeler labeled, in item order. */
export function itemsByLabeler(data: SkewData): Int32Array[] {
  const nLabelers = data.labelerIds.length;
  const counts = new Int32Array(nLabelers);
  for (const j of data.labeler) counts[j]! += 1;
  const out = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(nLabelers);
  for (let i = 0; i + 1 < data.itemStart.length; i++) {
    for (let p = data.itemStart[i]!; p < data.itemStart[i + 1]!; p++) {
      const j = data.labeler[p]!;
      out[j]![fill[j]!++] = i;
    }
  }
  return out;
}
