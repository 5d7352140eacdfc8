export type AgreementWeightKind = 'identity' | 'linear' | 'quadratic';

/**
 * Agreement weights between categories (1 on the diagonal), as Gwet (2014, Handbook of Inter-Rater
 * Reliability, 4th ed., ch. 3) and R irrCAC define them over the category values v:
 * linear 1 − |v_k − v_l| / (v_max − v_min), quadratic 1 − (v_k − v_l)² / (v_max − v_min)².
 * Returned row-major, k×k.
 * @example agreementWeights(Float64Array.of(1, 2, 3), 'quadratic') // [1, .75, 0, .75, 1, .75, 0, .75, 1]
 */
export function agreementWeights(values: Float64Array, kind: AgreementWeightKind): Float64Array {
  const k = values.length;
  const w = new Float64Array(k * k);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const range = hi - lo;
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      if (a === b || kind === 'identity' || range === 0) w[a * k + b] = a === b ? 1 : 0;
      else if (kind === 'linear') w[a * k + b] = 1 - Math.abs(values[a]! - values[b]!) / range;
      else w[a * k + b] = 1 - (values[a]! - values[b]!) ** 2 / range ** 2;
    }
  }
  return w;
}
