import { cohenKappa, krippendorffAlpha } from '@touchstone/core/stats';
import { calibrate, ppiMean } from '@touchstone/judge-calibration';

/** Ratings of one gold item by each labeler (null: that labeler did not rate it). */
export type ItemRatings = readonly (number | null)[];

/** Agreement and judge checks without a store: nothing here loads DuckDB, Ink or React. */
export function pureChecks(items: readonly ItemRatings[], judge: readonly number[], human: readonly number[]) {
  const alpha = krippendorffAlpha(items, { metric: 'ordinal' });
  const kappa = cohenKappa(judge, human, { weights: 'quadratic' });
  const report = calibrate(
    human.map((h, i) => ({ item_id: `item-${i}`, human: h, judge: judge[i] ?? Number.NaN })),
    { scale: { kind: 'ordinal', min: 1, max: 5, pass_threshold: 4 }, seed: 1 },
  );
  return { alpha, kappa, trusted: report.verdicts.trusted, untrusted: report.verdicts.untrusted };
}

/**
 * A run's pass rate when humans labeled a random sample of the run's own outputs (PPI needs the
 * labeled items to be drawn from the same population as the unlabeled ones).
 */
export function runPassRate(sample: { human: readonly number[]; judge: readonly number[] }, unlabeledJudge: readonly number[]) {
  return ppiMean({ labeled: { y: sample.human, yhat: sample.judge }, unlabeledYhat: unlabeledJudge, alpha: 0.05 });
}
