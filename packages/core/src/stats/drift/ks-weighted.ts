import { kolmogorovSf } from './kolmogorov-sf.js';
import { kishEffectiveSize } from '../survey/weighted-share.js';
import type { KsResult } from './ks-two-sample.js';

/**
 * Two-sample Kolmogorov–Smirnov with weights on the second sample: D = sup |F₁ − F₂,w| where F₂,w is
 * the weighted ECDF, and the asymptotic p-value of the Kolmogorov distribution at the effective
 * size n = n₁m/(n₁+m), m = Kish's (Σw)²/Σw² (Monahan 2011, "Numerical Methods of Statistics", §13.4,
 * for weighted ECDFs; the usual survey approximation). With equal weights D equals scipy's ks_2samp
 * statistic; callers with equal weights should prefer the exact ksTwoSample.
 * @throws RangeError when a sample is empty or a weight is negative
 */
export function ksTwoSampleWeighted(a: ArrayLike<number>, b: ArrayLike<number>, wb: ArrayLike<number>): KsResult {
  const x = Float64Array.from(a).sort();
  const order = Array.from({ length: b.length }, (_, i) => i).sort((i, j) => (b[i] as number) - (b[j] as number));
  const n1 = x.length;
  if (n1 === 0 || order.length === 0) throw new RangeError('ksTwoSampleWeighted: both samples need values');
  let total = 0;
  for (let k = 0; k < wb.length; k++) {
    if (!((wb[k] as number) >= 0)) throw new RangeError(`ksTwoSampleWeighted: weight ${k} is ${wb[k]}`);
    total += wb[k] as number;
  }
  let i = 0;
  let j = 0;
  let cum = 0;
  let d = 0;
  while (i < n1 || j < order.length) {
    const vx = i < n1 ? (x[i] as number) : Infinity;
    const vy = j < order.length ? (b[order[j] as number] as number) : Infinity;
    const v = Math.min(vx, vy);
    while (i < n1 && x[i] === v) i++;
    while (j < order.length && b[order[j] as number] === v) cum += wb[order[j++] as number] as number;
    d = Math.max(d, Math.abs(i / n1 - cum / total));
  }
  const m = kishEffectiveSize(Array.from(wb));
  const en = Math.max(1, Math.round((n1 * m) / (n1 + m)));
  return { statistic: d, pValue: Math.min(1, Math.max(0, kolmogorovSf(en, d))), method: 'asymp' };
}
