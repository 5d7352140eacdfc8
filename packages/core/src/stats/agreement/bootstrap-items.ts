import { quantileSorted } from 'simple-statistics';
import { createUniformStream } from './uniform-stream.js';

export interface BootstrapItemsOptions {
  /** Number of bootstrap replicates (resamples of items with replacement). */
  readonly replicates: number;
  readonly seed: number;
  /** Two-sided confidence level, default 0.95. */
  readonly confidence?: number;
  /** Row each item belongs to, when rows stand for several items (`compressRows`); identity when absent. */
  readonly rowOf?: Int32Array;
  /** Number of rows the statistic reads weights for; defaults to nItems. */
  readonly nRows?: number;
}

export interface BootstrapInterval {
  readonly lower: number;
  readonly upper: number;
  /** Standard deviation of the replicates (bootstrap standard error). */
  readonly se: number;
  /** Replicates where the statistic was defined (not NaN). */
  readonly valid: number;
}

/**
 * Nonparametric percentile bootstrap over items (Efron & Tibshirani 1993, ch. 13): resample the
 * nItems items with replacement, hand the statistic each row's multiplicity, and take the
 * (1 ± confidence)/2 quantiles of the replicates. Agreement coefficients are ratios of sums over
 * items, so a replicate is a weighted recomputation with no copying of data. Returns null when
 * fewer than 20 replicates are defined.
 * @throws RangeError when replicates < 1 or nItems < 1
 */
export function bootstrapItems(nItems: number, statistic: (weights: Float64Array) => number, options: BootstrapItemsOptions): BootstrapInterval | null {
  return bootstrapItemsMany(nItems, [statistic], options)[0] ?? null;
}

/** Several statistics on the same resamples (one set of draws per replicate for all of them). */
export function bootstrapItemsMany(
  nItems: number,
  statistics: readonly ((weights: Float64Array) => number)[],
  options: BootstrapItemsOptions,
): (BootstrapInterval | null)[] {
  if (!(options.replicates >= 1) || !(nItems >= 1)) throw new RangeError('bootstrapItems: needs at least one replicate and one item');
  const stream = createUniformStream(options.seed);
  const draws = new Float64Array(nItems);
  const nRows = options.nRows ?? nItems;
  const rowOf = options.rowOf;
  const weights = new Float64Array(nRows);
  const out: number[][] = statistics.map(() => []);
  for (let b = 0; b < options.replicates; b++) {
    weights.fill(0);
    stream.fill(draws);
    if (rowOf === undefined) for (let i = 0; i < nItems; i++) weights[(draws[i]! * nItems) | 0]! += 1;
    else for (let i = 0; i < nItems; i++) weights[rowOf[(draws[i]! * nItems) | 0]!]! += 1;
    statistics.forEach((statistic, s) => {
      const v = statistic(weights);
      if (!Number.isNaN(v)) out[s]!.push(v);
    });
  }
  return out.map((values) => interval(values, options.confidence ?? 0.95));
}

function interval(out: number[], confidence: number): BootstrapInterval | null {
  if (out.length < 20) return null;
  out.sort((a, b) => a - b);
  const tail = (1 - confidence) / 2;
  let mean = 0;
  for (const v of out) mean += v / out.length;
  let ss = 0;
  for (const v of out) ss += (v - mean) ** 2;
  return { lower: quantileSorted(out, tail), upper: quantileSorted(out, 1 - tail), se: Math.sqrt(ss / (out.length - 1)), valid: out.length };
}
