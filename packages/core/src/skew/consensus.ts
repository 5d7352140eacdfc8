import { passThreshold } from '../scale/pass-threshold.js';
import { passCategories, type SkewData } from './skew-data.js';

/** Consensus outcome of an item: passes, fails, no consensus (a tie), or no labels left. */
export const PASS = 1;
export const FAIL = 0;
export const UNDECIDED = -1;
export const NO_LABELS = -2;
export type ConsensusCode = typeof PASS | typeof FAIL | typeof UNDECIDED | typeof NO_LABELS;

/**
 * Pass/fail of an item's consensus with one labeler's label left out (skip = −1: none), by the same
 * rules as gold/consensus-sql.ts: binary majority (a tie is no consensus), ordinal/interval median
 * against the pass threshold, nominal mode with ties to the category listed first.
 * `scratch` must hold at least the item's number of labels.
 */
export function itemConsensus(data: SkewData, item: number, skip: number, scratch: Float64Array): ConsensusCode {
  const a = data.itemStart[item]!;
  const b = data.itemStart[item + 1]!;
  const scale = data.scale;
  let m = 0;
  for (let p = a; p < b; p++) {
    if (data.labeler[p] === skip) continue;
    scratch[m++] = scale.kind === 'nominal' ? data.category[p]! : data.value[p]!;
  }
  return consensusOf(scale, scratch, m);
}

/**
 * Pass/fail of the first `m` labels in `scratch` (scores, or category indices on a nominal scale);
 * reorders them. NO_LABELS when m = 0.
 */
export function consensusOf(scale: SkewData['scale'], scratch: Float64Array, m: number): ConsensusCode {
  if (m === 0) return NO_LABELS;
  switch (scale.kind) {
    case 'binary': {
      let s = 0;
      for (let q = 0; q < m; q++) s += scratch[q]!;
      return 2 * s > m ? PASS : 2 * s < m ? FAIL : UNDECIDED;
    }
    case 'ordinal':
    case 'interval': {
      // Insertion sort in place: a handful of labels, and no subarray view allocated per item.
      for (let q = 1; q < m; q++) {
        const v = scratch[q]!;
        let r = q - 1;
        while (r >= 0 && scratch[r]! > v) {
          scratch[r + 1] = scratch[r]!;
          r -= 1;
        }
        scratch[r + 1] = v;
      }
      const median = m % 2 === 1 ? scratch[(m - 1) / 2]! : (scratch[m / 2 - 1]! + scratch[m / 2]!) / 2;
      return median >= passThreshold(scale) ? PASS : FAIL;
    }
    case 'nominal': {
      const counts = new Int32Array(scale.categories.length);
      for (let q = 0; q < m; q++) counts[scratch[q]!]! += 1;
      let best = 0;
      for (let c = 1; c < counts.length; c++) if (counts[c]! > counts[best]!) best = c;
      return passCategories(scale).includes(scale.categories[best]!) ? PASS : FAIL;
    }
  }
}

/** Consensus of every item with all labels. */
export function baselineConsensus(data: SkewData): Int8Array {
  const nItems = data.itemStart.length - 1;
  const out = new Int8Array(nItems);
  const scratch = new Float64Array(maxLabelsPerItem(data));
  for (let i = 0; i < nItems; i++) out[i] = itemConsensus(data, i, -1, scratch);
  return out;
}

/** Items whose consensus passes, and items with a decided consensus (pass or fail), among consensus codes. */
export function consensusCounts(codes: ArrayLike<number>): { passes: number; decided: number } {
  let passes = 0;
  let decided = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code === PASS) passes += 1;
    if (code === PASS || code === FAIL) decided += 1;
  }
  return { passes, decided };
}

export function maxLabelsPerItem(data: SkewData): number {
  let max = 1;
  for (let i = 0; i + 1 < data.itemStart.length; i++) max = Math.max(max, data.itemStart[i + 1]! - data.itemStart[i]!);
  return max;
}
