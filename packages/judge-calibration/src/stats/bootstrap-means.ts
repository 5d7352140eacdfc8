import { createRng, type Rng } from '@touchstone/core/stats';
import { bcaInterval, type BcaResult } from './bca-interval.js';
import { sampleMultinomial } from './multinomial-sample.js';

export interface BootstrapOptions {
  /** Bootstrap resamples; default 2000. */
  readonly resamples?: number;
  /** Two-sided confidence level in (0, 1); default 0.95. */
  readonly confidence?: number;
  /** RNG seed: the same data, options and seed give the same intervals. */
  readonly seed?: number;
  /** 'auto' (default) draws counts of distinct rows when they are few; 'items' always resamples items. */
  readonly sampler?: 'auto' | 'items';
}

export interface BootstrapMeansResult {
  /** The mean of each column. */
  readonly estimates: number[];
  /** BCa interval of each column's mean, from the same resamples. */
  readonly intervals: BcaResult[];
  /** 'counts' when the resamples were drawn as multinomial counts of distinct rows, else 'items'. */
  readonly sampler: 'counts' | 'items';
}

/**
 * BCa bootstrap intervals for the means of one or more paired columns (rows are items; one resample
 * of items serves every column, as `scipy.stats.bootstrap(..., paired=True)` would). The jackknife
 * of a mean is closed-form (θ₍ᵢ₎ = (Σx − xᵢ)/(n − 1), so â = Σ(x − x̄)³ / (6 (Σ(x − x̄)²)^{3/2})),
 * which spares the O(n²) jackknife scipy performs.
 * When the rows take few distinct values (scores on a 1–5 scale do), a resample is drawn as
 * multinomial counts of the distinct rows — the same distribution as resampling items — in
 * O(distinct) instead of O(n).
 * @throws RangeError when the columns are empty, differ in length, or hold non-finite values
 * @example bootstrapMeans([[1, 2, 3, 4, 10]], { seed: 1 }).estimates // [4]
 */
export function bootstrapMeans(columns: readonly ArrayLike<number>[], options: BootstrapOptions = {}): BootstrapMeansResult {
  const resamples = options.resamples ?? 2000;
  const confidence = options.confidence ?? 0.95;
  const first = columns[0];
  if (first === undefined || first.length === 0) throw new RangeError('bootstrapMeans: no data');
  const n = first.length;
  for (const c of columns) {
    if (c.length !== n) throw new RangeError(`bootstrapMeans: columns differ in length (${c.length} vs ${n})`);
    for (let i = 0; i < n; i++) if (!Number.isFinite(c[i] as number)) throw new RangeError(`bootstrapMeans: value ${i} is ${c[i]}`);
  }
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`bootstrapMeans: resamples must be a positive integer, got ${resamples}`);
  const rng = createRng(options.seed ?? 1);
  const grouped = options.sampler === 'items' ? undefined : groupRows(columns, n);
  const sampler = grouped === undefined ? 'items' : 'counts';
  const replicates = columns.map(() => new Float64Array(resamples));
  const estimates = grouped === undefined ? columns.map((c) => mean(c, n)) : groupedMeans(grouped, n);
  if (grouped === undefined) resampleItems(columns, n, rng, replicates);
  else resampleCounts(grouped, n, rng, replicates);
  const intervals = columns.map((c, j) => bcaInterval(estimates[j] as number, replicates[j] as Float64Array, meanAcceleration(c, n), confidence));
  return { estimates, intervals, sampler };
}

interface Grouped {
  readonly counts: Float64Array;
  /** values[column][group] */
  readonly values: Float64Array[];
}

function groupRows(columns: readonly ArrayLike<number>[], n: number): Grouped | undefined {
  const limit = Math.min(4096, Math.floor(n / 8));
  const index = new Map<string, number>();
  const counts: number[] = [];
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = columns.map((c) => c[i] as number);
    const key = row.join('|');
    const g = index.get(key);
    if (g !== undefined) counts[g] = (counts[g] as number) + 1;
    else {
      if (index.size >= limit) return undefined;
      index.set(key, rows.length);
      rows.push(row);
      counts.push(1);
    }
  }
  // Largest groups first: the sequential binomials then split the most mass early.
  const order = counts.map((_, g) => g).sort((a, b) => (counts[b] as number) - (counts[a] as number));
  return {
    counts: Float64Array.from(order.map((g) => counts[g] as number)),
    values: columns.map((_, j) => Float64Array.from(order.map((g) => (rows[g] as number[])[j] as number))),
  };
}

function groupedMeans(g: Grouped, n: number): number[] {
  return g.values.map((vals) => {
    let s = 0;
    for (let k = 0; k < vals.length; k++) s += (g.counts[k] as number) * (vals[k] as number);
    return s / n;
  });
}

function resampleCounts(g: Grouped, n: number, rng: Rng, out: Float64Array[]): void {
  const draw = new Float64Array(g.counts.length);
  for (let b = 0; b < (out[0] as Float64Array).length; b++) {
    sampleMultinomial(n, g.counts, rng, draw);
    for (let j = 0; j < g.values.length; j++) {
      const vals = g.values[j] as Float64Array;
      let s = 0;
      for (let k = 0; k < vals.length; k++) s += (draw[k] as number) * (vals[k] as number);
      (out[j] as Float64Array)[b] = s / n;
    }
  }
}

function resampleItems(columns: readonly ArrayLike<number>[], n: number, rng: Rng, out: Float64Array[]): void {
  const m = columns.length;
  const sums = new Float64Array(m);
  for (let b = 0; b < (out[0] as Float64Array).length; b++) {
    sums.fill(0);
    for (let i = 0; i < n; i++) {
      const k = rng.int(n);
      for (let j = 0; j < m; j++) sums[j] = (sums[j] as number) + ((columns[j] as ArrayLike<number>)[k] as number);
    }
    for (let j = 0; j < m; j++) (out[j] as Float64Array)[b] = (sums[j] as number) / n;
  }
}

function mean(c: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += c[i] as number;
  return s / n;
}

/** Closed-form jackknife acceleration of a mean: Σ(x − x̄)³ / (6 (Σ(x − x̄)²)^{3/2}). */
function meanAcceleration(c: ArrayLike<number>, n: number): number {
  const m = mean(c, n);
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < n; i++) {
    const d = (c[i] as number) - m;
    s2 += d * d;
    s3 += d * d * d;
  }
  return s2 === 0 ? 0 : s3 / (6 * Math.pow(s2, 1.5));
}
