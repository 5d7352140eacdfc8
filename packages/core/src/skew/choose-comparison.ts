import { coLabelerDesign, type LeniencyDesign } from './co-labeler-design.js';
import { judgeAdjusted } from './judge-adjust.js';
import type { SkewData } from './skew-data.js';
import { slicePeerDesign } from './slice-peer-design.js';
import type { Comparison } from './skew-report.js';

export interface DesignSummary {
  readonly comparison: Comparison;
  readonly multiLabeledItems: number;
  readonly singleLabeledItems: number;
  readonly shareWithPeers: number;
}

/**
 * Picks what each labeler is compared with. When at least half of the labels sit on items with
 * another label, peers on the same items (co_labelers). Otherwise the design is sparse: other
 * labelers on the same slice, adjusted for a judge's score of each item when a judge scored at
 * least half of the labeled items (judge_adjusted_slice_peers), else unadjusted (slice_peers).
 */
export function chooseComparison(data: SkewData): DesignSummary {
  const nItems = data.itemStart.length - 1;
  let multi = 0;
  let withPeers = 0;
  let judged = 0;
  for (let i = 0; i < nItems; i++) {
    const m = data.itemStart[i + 1]! - data.itemStart[i]!;
    if (m >= 2) {
      multi += 1;
      withPeers += m;
    }
    if (data.judge !== null && !Number.isNaN(data.judge[i]!)) judged += 1;
  }
  const share = data.value.length === 0 ? 0 : withPeers / data.value.length;
  const comparison: Comparison = share >= 0.5 ? 'co_labelers' : judged >= nItems / 2 && judged > 0 ? 'judge_adjusted_slice_peers' : 'slice_peers';
  return { comparison, multiLabeledItems: multi, singleLabeledItems: nItems - multi, shareWithPeers: share };
}

/**
 * The leniency design for a comparison; labelers marked in `dropped` are left out entirely, and with
 * `only` just that labeler is tested.
 */
export function buildDesign(data: SkewData, comparison: Comparison, minLabels: number, dropped?: Uint8Array, only?: number): LeniencyDesign {
  if (comparison === 'co_labelers') return coLabelerDesign(data, minLabels, dropped, only);
  const y = comparison === 'slice_peers' ? Float64Array.from(data.value) : judgeAdjusted(data);
  if (dropped !== undefined) for (let p = 0; p < y.length; p++) if (dropped[data.labeler[p]!] === 1) y[p] = Number.NaN;
  return slicePeerDesign(data, y, minLabels, only);
}
