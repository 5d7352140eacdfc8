import { bootstrapMeans } from '../stats/bootstrap-means.js';
import { wilsonInterval } from '../stats/wilson-interval.js';
import type { PairMetrics } from './pair-metrics.js';

export interface AgreementStats {
  readonly n: number;
  /** Pairs within tolerance (for the verdict and the labels still needed). */
  readonly within: number;
  readonly agreement: number | null;
  readonly agreementCi: [number, number] | null;
  /** The report's fields of the same names, for bands and the overall summary alike. */
  readonly fields: {
    readonly exact_agreement: number | null;
    readonly exact_ci: [number, number] | null;
    readonly bias: number | null;
    readonly bias_ci: [number, number] | null;
    readonly mae: number | null;
    readonly mae_ci: [number, number] | null;
  };
}

/**
 * Agreement within tolerance and exact agreement with Wilson intervals, and (on ordered scales)
 * bias and MAE with BCa bootstrap intervals from one resampling; one pair gives bias and MAE
 * without intervals. The same numbers for a score band and for all pairs.
 */
export function agreementStats(m: PairMetrics, indices: readonly number[], o: { confidence: number; resamples: number; seed: number; numeric: boolean }): AgreementStats {
  const n = indices.length;
  let within = 0;
  let exact = 0;
  for (const i of indices) {
    within += m.within[i] as number;
    exact += m.exact[i] as number;
  }
  let bias: number | null = null;
  let mae: number | null = null;
  let biasCi: [number, number] | null = null;
  let maeCi: [number, number] | null = null;
  if (o.numeric && n > 0) {
    const d = Float64Array.from(indices, (i) => m.diff[i] as number);
    const a = Float64Array.from(indices, (i) => m.absDiff[i] as number);
    if (n >= 2) {
      const boot = bootstrapMeans([d, a], { resamples: o.resamples, confidence: o.confidence, seed: o.seed });
      [bias, mae] = boot.estimates as [number, number];
      biasCi = boot.intervals[0]?.ci ?? null;
      maeCi = boot.intervals[1]?.ci ?? null;
    } else {
      bias = d[0] as number;
      mae = a[0] as number;
    }
  }
  return {
    n,
    within,
    agreement: n === 0 ? null : within / n,
    agreementCi: n === 0 ? null : wilsonInterval(within, n, o.confidence),
    fields: {
      exact_agreement: n === 0 ? null : exact / n,
      exact_ci: n === 0 ? null : wilsonInterval(exact, n, o.confidence),
      bias,
      bias_ci: biasCi,
      mae,
      mae_ci: maeCi,
    },
  };
}
