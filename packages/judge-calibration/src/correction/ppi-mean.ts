import { normalQuantile } from '@touchstone/core/stats';

export interface PpiMeanInput {
  /** Labeled items: gold values y and the judge's predictions ŷ of the same items. */
  readonly labeled: { readonly y: readonly number[]; readonly yhat: readonly number[] };
  /** The judge's predictions on the unlabeled items. */
  readonly unlabeledYhat: readonly number[];
  /** Error level: the interval targets coverage 1 − α. Default 0.1, ppi_py's default. */
  readonly alpha?: number;
  /**
   * Weights of the unlabeled items (requests each stands for; default 1): the imputed mean is weighted
   * and its variance is the weighted variance over Kish's effective size (Σw)²/Σw²; λ is tuned unweighted.
   * Equal weights give exactly the unweighted result.
   */
  readonly unlabeledWeights?: readonly number[];
  /** Power-tuning λ: 1 is PPI, 0 the classical mean of y alone, 'auto' (default) PPI++'s tuned λ. */
  readonly lambda?: number | 'auto';
}

export interface PpiMean {
  readonly estimate: number;
  readonly ci: [number, number];
  readonly diagnostics: {
    readonly method: 'ppi' | 'ppi++' | 'classical' | 'fixed-lambda';
    readonly lambda: number;
    readonly alpha: number;
    readonly n_labeled: number;
    readonly n_unlabeled: number;
    /** Mean of y − λŷ over the labeled items (the rectifier). */
    readonly rectifier: number;
    /** Mean of λŷ over the unlabeled items. */
    readonly imputed_mean: number;
    readonly standard_error: number;
  };
}

/**
 * Prediction-powered inference for a mean (Angelopoulos et al. 2023, Science 382:669; PPI++:
 * Angelopoulos, Duchi & Zrnic 2023, arXiv:2311.01453), following ppi_py's `ppi_mean_pointestimate`
 * and `ppi_mean_ci` for one dimension and no weights:
 *   θ̂ = mean(λŷᵘ) + mean(y − λŷ),  SE = √(var(λŷᵘ)/N + var(y − λŷ)/n)  (population variances),
 *   CI = θ̂ ± z_{1−α/2}·SE,
 * and with λ = 'auto', ppi_py's `_calc_lam_glm`: λ = cov(y, ŷ) / ((1 + n/N)·var(ŷ ∪ ŷᵘ)), the
 * covariance with divisor n, the pooled variance with divisor n + N − 1, clipped to [0, 1].
 * @throws RangeError when the labeled arrays are empty or differ in length, the unlabeled array is
 *   empty, a value is not finite, α is outside (0, 1), or λ is a negative or non-finite number
 * @example ppiMean({ labeled: { y: [1, 0, 1], yhat: [1, 0, 0] }, unlabeledYhat: [1, 1, 0, 1], lambda: 1 }).estimate // 1.0833…
 */
export function ppiMean(input: PpiMeanInput): PpiMean {
  const { y, yhat } = input.labeled;
  const u = input.unlabeledYhat;
  const alpha = input.alpha ?? 0.1;
  const lambdaOption = input.lambda ?? 'auto';
  if (y.length !== yhat.length) throw new RangeError(`ppiMean: ${y.length} labels but ${yhat.length} predictions`);
  if (y.length === 0) throw new RangeError('ppiMean: no labeled items');
  if (u.length === 0) throw new RangeError('ppiMean: no unlabeled predictions');
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`ppiMean: alpha must be in (0, 1), got ${alpha}`);
  if (lambdaOption !== 'auto' && !(Number.isFinite(lambdaOption) && lambdaOption >= 0)) throw new RangeError(`ppiMean: lambda must be 'auto' or a number ≥ 0, got ${lambdaOption}`);
  for (const [name, arr] of [['y', y], ['yhat', yhat], ['unlabeledYhat', u]] as const) {
    arr.forEach((v, i) => {
      if (!Number.isFinite(v)) throw new RangeError(`ppiMean: ${name}[${i}] is ${v}`);
    });
  }
  const n = y.length;
  const bigN = u.length;
  const lambda = lambdaOption === 'auto' ? tunedLambda(y, yhat, u) : lambdaOption;
  const w = input.unlabeledWeights;
  if (w !== undefined && (w.length !== bigN || w.some((x) => !(x > 0) || !Number.isFinite(x)))) throw new RangeError(`ppiMean: unlabeledWeights must be ${bigN} positive finite numbers`);
  const imputed = u.map((v) => lambda * v);
  const rectified = y.map((v, i) => v - lambda * (yhat[i] as number));
  const imputedMean = w === undefined ? mean(imputed) : weightedMean(imputed, w);
  const rectifier = mean(rectified);
  const estimate = imputedMean + rectifier;
  const imputedVar = w === undefined ? populationVariance(imputed) / bigN : weightedVariance(imputed, w, imputedMean) / kish(w);
  const se = Math.sqrt(imputedVar + populationVariance(rectified) / n);
  const half = normalQuantile(1 - alpha / 2) * se;
  const method = lambdaOption === 'auto' ? 'ppi++' : lambda === 1 ? 'ppi' : lambda === 0 ? 'classical' : 'fixed-lambda';
  return {
    estimate,
    ci: [estimate - half, estimate + half],
    diagnostics: { method, lambda, alpha, n_labeled: n, n_unlabeled: bigN, rectifier, imputed_mean: imputedMean, standard_error: se },
  };
}

/** PPI++'s variance-minimising λ for a mean (ppi_py `_calc_lam_glm`, identity Hessian), clipped to [0, 1]. */
function tunedLambda(y: readonly number[], yhat: readonly number[], u: readonly number[]): number {
  const n = y.length;
  const bigN = u.length;
  const my = mean(y);
  const mh = mean(yhat);
  let cov = 0;
  for (let i = 0; i < n; i++) cov += ((y[i] as number) - my) * ((yhat[i] as number) - mh);
  cov /= n;
  const pooled = [...yhat, ...u];
  const mp = mean(pooled);
  let ss = 0;
  for (const v of pooled) ss += (v - mp) * (v - mp);
  const varPooled = ss / (pooled.length - 1);
  if (!(varPooled > 0)) return 0;
  const lambda = cov / ((1 + n / bigN) * varPooled);
  return Math.min(1, Math.max(0, lambda));
}

function mean(v: readonly number[]): number {
  let s = 0;
  for (const x of v) s += x;
  return s / v.length;
}

function populationVariance(v: readonly number[]): number {
  const m = mean(v);
  let s = 0;
  for (const x of v) s += (x - m) * (x - m);
  return s / v.length;
}

function weightedMean(v: readonly number[], w: readonly number[]): number {
  let s = 0;
  let sw = 0;
  v.forEach((x, i) => {
    s += x * (w[i] as number);
    sw += w[i] as number;
  });
  return s / sw;
}

function weightedVariance(v: readonly number[], w: readonly number[], m: number): number {
  let s = 0;
  let sw = 0;
  v.forEach((x, i) => {
    s += (w[i] as number) * (x - m) * (x - m);
    sw += w[i] as number;
  });
  return s / sw;
}

function kish(w: readonly number[]): number {
  let s = 0;
  let s2 = 0;
  for (const x of w) {
    s += x;
    s2 += x * x;
  }
  return (s * s) / s2;
}
