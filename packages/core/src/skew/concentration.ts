import { herfindahl } from '../stats/herfindahl.js';
import type { SkewData } from './skew-data.js';
import type { SkewFlag, SkewReport } from './skew-report.js';

/**
 * Share of items per labeler: the largest share, the Herfindahl–Hirschman index over labelers'
 * shares of labels (in [1/k, 1]), and a headline: the finding ranked first by impact (flags come
 * sorted), with the labeler's share and its counterfactual impact next to an unbiased labeler's.
 */
export function concentration(data: SkewData, byLabeler: readonly Int32Array[], flags: readonly SkewFlag[]): SkewReport['concentration'] {
  const nItems = data.itemStart.length - 1;
  let largest = -1;
  byLabeler.forEach((items, j) => {
    if (largest < 0 || items.length > byLabeler[largest]!.length) largest = j;
  });
  const share = (id: string): number => {
    const j = data.labelerIds.indexOf(id);
    return j < 0 || nItems === 0 ? 0 : byLabeler[j]!.length / nItems;
  };
  const top = flags[0];
  const i = top?.impact;
  const reference = i?.reference == null ? '' : ` (an unbiased labeler of the same volume: ≤ ${i.reference.flipped_items_p95.toFixed(1)} in 95% of cases)`;
  const moves = i === undefined ? '' : `${i.flipped_items.toFixed(1)} consensus labels would flip${reference} and the gold pass rate would move ${(100 * i.pass_rate_shift).toFixed(1)} points`;
  const headline = top === undefined ? null
    : top.labeler_id === null
      ? `guideline ${top.versions?.older ?? ''} scored slice "${top.slice ?? '(none)'}" ${top.effect >= 0 ? '+' : ''}${top.effect.toFixed(3)} against ${top.versions?.latest ?? ''} (q = ${top.q_value.toPrecision(2)}); ` +
        `${top.impact.relabel_items.length} items were only ever labeled under ${top.versions?.older ?? ''}; corrected, ${moves}`
      : `${top.labeler_id} labeled ${(100 * share(top.labeler_id)).toFixed(1)}% of the items and is ${top.kind === 'leniency' || top.kind === 'severity' ? top.direction : `${top.kind} (${top.direction})`}` +
        `${top.slice === null ? '' : ` on slice "${top.slice}"`} by ${top.effect >= 0 ? '+' : ''}${top.effect.toFixed(3)} (q = ${top.q_value.toPrecision(2)}); ` +
        `had they labeled like their peers, ${moves}`;
  return {
    largest_labeler: largest < 0 ? null : data.labelerIds[largest]!,
    largest_share: largest < 0 || nItems === 0 ? 0 : byLabeler[largest]!.length / nItems,
    herfindahl: herfindahl(byLabeler.map((items) => items.length)),
    headline,
  };
}
