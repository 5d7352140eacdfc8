/** Labels as parallel arrays: label `n` is labeler `labeler[n]`'s class index `label[n]` for item `item[n]`. */
export interface ClassLabels {
  readonly nItems: number;
  readonly nLabelers: number;
  /** Number of classes K; class indices are 0..K−1. */
  readonly nClasses: number;
  readonly item: Int32Array;
  readonly labeler: Int32Array;
  readonly label: Int32Array;
}

export interface DawidSkeneOptions {
  readonly maxIterations?: number;
  /** Stop when the log-likelihood improves by less than this (relative). Default 1e-8. */
  readonly tolerance?: number;
  /**
   * Pseudo-count added to every confusion cell (a Dirichlet prior). Default 0: the maximum-likelihood
   * estimate of Dawid & Skene (1979), as crowd-kit computes it. A constant pseudo-count is not scale-free:
   * against a labeler with 3 labels, 0.01 per cell tilts their rows enough that 300 such labelers
   * together push every item to one class (crowd-kit's `test_dawid_skene_overlap`).
   */
  readonly smoothing?: number;
}

export interface DawidSkeneResult {
  /** Estimated class priors, length K. */
  readonly priors: Float64Array;
  /** Per labeler, row = true class, column = given label: `confusion[(j*K + k)*K + l]`. Rows sum to 1. */
  readonly confusion: Float64Array;
  /** Posterior class probabilities per item, `posteriors[i*K + k]`. */
  readonly posteriors: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** Log-likelihood of the labels after each E-step. */
  readonly logLikelihoods: number[];
}

/**
 * Dawid & Skene (1979), "Maximum likelihood estimation of observer error-rates using the EM
 * algorithm", Applied Statistics 28(1):20–28. Each labeler j has a confusion matrix π_j[k][l] =
 * P(label l | true class k); items' true classes are latent with priors p_k. EM alternates the M-step
 * (priors and confusion matrices from soft class assignments) and the E-step (posteriors
 * ∝ p_k Π π_j[k][l]). Initialised from each item's share of labels per class (soft majority vote),
 * which fixes the labelling of classes: the model is identified only up to a permutation of classes,
 * and majority initialisation picks the permutation where labelers are mostly right.
 * Without smoothing no division is by zero and no item's posterior is undefined: a confusion row
 * with no mass (a class no item of that labeler can be) is uniform, and each item's most probable
 * class keeps a positive share in every cell its labels touch, so its log-likelihood stays finite.
 * @throws RangeError when array lengths differ or a class index is out of range
 */
export function dawidSkene(data: ClassLabels, options: DawidSkeneOptions = {}): DawidSkeneResult {
  const { nItems, nLabelers, nClasses: K, item, labeler, label } = data;
  const n = item.length;
  if (labeler.length !== n || label.length !== n) throw new RangeError('dawidSkene: item, labeler and label arrays differ in length');
  for (let t = 0; t < n; t++) {
    if (label[t]! < 0 || label[t]! >= K || item[t]! < 0 || item[t]! >= nItems || labeler[t]! < 0 || labeler[t]! >= nLabelers) {
      throw new RangeError(`dawidSkene: label ${t} is out of range`);
    }
  }
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-8;
  const smoothing = options.smoothing ?? 0;
  const post = new Float64Array(nItems * K);
  const seen = new Uint8Array(nItems);
  for (let t = 0; t < n; t++) {
    post[item[t]! * K + label[t]!]! += 1;
    seen[item[t]!] = 1;
  }
  normalizeRows(post, K);
  const priors = new Float64Array(K);
  const confusion = new Float64Array(nLabelers * K * K);
  const logConf = new Float64Array(nLabelers * K * K);
  const logPost = new Float64Array(nItems * K);
  const logLikelihoods: number[] = [];
  let converged = false;
  let iterations = 0;
  for (; iterations < maxIterations && !converged; iterations++) {
    mStep();
    const ll = eStep();
    const prev = logLikelihoods[logLikelihoods.length - 1];
    logLikelihoods.push(ll);
    if (prev !== undefined && Math.abs(ll - prev) <= tolerance * Math.max(1, Math.abs(ll))) converged = true;
  }
  return { priors, confusion, posteriors: post, iterations, converged, logLikelihoods };

  function mStep(): void {
    priors.fill(0);
    let labeled = 0;
    for (let i = 0; i < nItems; i++) {
      if (seen[i] === 0) continue;
      labeled += 1;
      for (let k = 0; k < K; k++) priors[k]! += post[i * K + k]!;
    }
    for (let k = 0; k < K; k++) priors[k] = priors[k]! / labeled;
    confusion.fill(smoothing);
    for (let t = 0; t < n; t++) {
      const base = labeler[t]! * K * K + label[t]!;
      const row = item[t]! * K;
      for (let k = 0; k < K; k++) confusion[base + k * K]! += post[row + k]!;
    }
    for (let r = 0; r < nLabelers * K; r++) {
      let s = 0;
      for (let l = 0; l < K; l++) s += confusion[r * K + l]!;
      for (let l = 0; l < K; l++) {
        const v = s > 0 ? confusion[r * K + l]! / s : 1 / K;
        confusion[r * K + l] = v;
        logConf[r * K + l] = Math.log(v);
      }
    }
  }

  function eStep(): number {
    for (let i = 0; i < nItems; i++) for (let k = 0; k < K; k++) logPost[i * K + k] = Math.log(priors[k]!);
    for (let t = 0; t < n; t++) {
      const base = labeler[t]! * K * K + label[t]!;
      const row = item[t]! * K;
      for (let k = 0; k < K; k++) logPost[row + k]! += logConf[base + k * K]!;
    }
    let ll = 0;
    for (let i = 0; i < nItems; i++) {
      if (seen[i] === 0) continue;
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, logPost[i * K + k]!);
      let s = 0;
      for (let k = 0; k < K; k++) s += Math.exp(logPost[i * K + k]! - max);
      ll += max + Math.log(s);
      for (let k = 0; k < K; k++) post[i * K + k] = Math.exp(logPost[i * K + k]! - max) / s;
    }
    return ll;
  }
}

function normalizeRows(m: Float64Array, K: number): void {
  for (let r = 0; r < m.length / K; r++) {
    let s = 0;
    for (let k = 0; k < K; k++) s += m[r * K + k]!;
    if (s > 0) for (let k = 0; k < K; k++) m[r * K + k] = m[r * K + k]! / s;
  }
}
