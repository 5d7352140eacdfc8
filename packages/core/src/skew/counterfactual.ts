import { FAIL, PASS, consensusCounts, consensusOf, maxLabelsPerItem } from './consensus.js';
import { redrawLabel, type Outcomes, type RedrawContext } from './label-redraw.js';
import type { SkewData } from './skew-data.js';

/** Expected change of the consensus gold when some labels are redrawn with a bias removed. */
export interface Counterfactual {
  /** Expected number of items whose consensus outcome (pass, fail, no consensus) changes. */
  readonly flippedItems: number;
  /** Corrected minus actual gold pass rate (over items with a decided consensus), in [−1, 1]. */
  readonly passRateShift: number;
  /** Items whose consensus more likely than not changes, most likely first, at most `limit`. */
  readonly relabel: readonly string[];
  /** flippedItems by slice index. */
  readonly flippedBySlice: Float64Array;
}

/** Which labels are corrected, by how much (0: left as they are), and what their redraw needs. */
export interface Correction {
  readonly biasAt: (p: number) => number;
  readonly contextAt: (p: number) => RedrawContext;
}

/**
 * "How would the gold set differ had these labels been made without the bias?": every corrected label
 * of the given items is redrawn with its bias removed (label-redraw.ts), every other label and the
 * number of labels per item stay as they are, and the consensus is recomputed by the gold set's rule
 * for every combination of redrawn labels, weighted by its probability. Flips and pass rate are
 * expectations, so a bias estimated at ±0.02 moves the gold by about a fiftieth of what a bias of 1 does.
 */
export function counterfactualImpact(data: SkewData, baseline: Int8Array, items: ArrayLike<number>, correction: Correction, limit = 20): Counterfactual {
  const { passes, decided } = consensusCounts(baseline);
  const before = decided === 0 ? 0 : passes / decided;
  const width = maxLabelsPerItem(data);
  const fixed = new Float64Array(width);
  const scratch = new Float64Array(width);
  let flipped = 0;
  const flippedBySlice = new Float64Array(data.sliceNames.length);
  let dPasses = 0;
  let dDecided = 0;
  const likely: { item: number; p: number }[] = [];
  for (let k = 0; k < items.length; k++) {
    const i = items[k]!;
    const a = data.itemStart[i]!;
    const b = data.itemStart[i + 1]!;
    let m = 0;
    const redrawn: Outcomes[] = [];
    for (let p = a; p < b; p++) {
      const bias = correction.biasAt(p);
      if (bias !== 0 && Number.isFinite(bias)) redrawn.push(redrawLabel(data, p, bias, correction.contextAt(p)));
      else fixed[m++] = data.scale.kind === 'nominal' ? data.category[p]! : data.value[p]!;
    }
    if (redrawn.length === 0) continue;
    const was = baseline[i]!;
    let pChange = 0;
    let pPass = 0;
    let pDecided = 0;
    const visit = (r: number, prob: number, n: number): void => {
      if (prob === 0) return;
      if (r === redrawn.length) {
        for (let q = 0; q < n; q++) scratch[q] = fixed[q]!;
        const code = consensusOf(data.scale, scratch, n);
        if (code !== was) pChange += prob;
        if (code === PASS) pPass += prob;
        if (code === PASS || code === FAIL) pDecided += prob;
        return;
      }
      const o = redrawn[r]!;
      for (let q = 0; q < o.values.length; q++) {
        fixed[n] = o.values[q]!;
        visit(r + 1, prob * o.probs[q]!, n + 1);
      }
    };
    visit(0, 1, m);
    flipped += pChange;
    flippedBySlice[data.itemSlice[i]!]! += pChange;
    dPasses += pPass - (was === PASS ? 1 : 0);
    dDecided += pDecided - (was === PASS || was === FAIL ? 1 : 0);
    if (pChange >= 0.5) likely.push({ item: i, p: pChange });
  }
  const after = decided + dDecided <= 0 ? 0 : (passes + dPasses) / (decided + dDecided);
  likely.sort((x, y) => y.p - x.p || x.item - y.item);
  return { flippedItems: flipped, passRateShift: after - before, relabel: likely.slice(0, limit).map((l) => data.itemIds[l.item]!), flippedBySlice };
}
