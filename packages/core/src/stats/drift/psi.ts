/** Share floor used where a category is empty in one distribution, so PSI stays finite. */
export const PSI_EPSILON = 1e-4;

/**
 * Population Stability Index between an expected (reference) and an actual distribution over the
 * same categories or bins: PSI = Σ (aᵢ − eᵢ) · ln(aᵢ / eᵢ), with counts turned into shares and every
 * share floored at `epsilon` (1e-4 by default) so that an empty bin contributes a large but finite
 * term. Symmetric in its arguments, ≥ 0. Conventional reading (Siddiqi 2006, "Credit Risk
 * Scorecards", ch. 8): < 0.1 no real shift, 0.1–0.25 moderate, > 0.25 major.
 * @throws RangeError when the arrays differ in length, a count is negative, or a side sums to 0
 * @example psi([50, 50], [40, 60]) // 0.04054651081081643 = 0.1·ln(1.25) + 0.1·ln(1.2)… (see test)
 */
export function psi(expected: readonly number[], actual: readonly number[], epsilon = PSI_EPSILON): number {
  if (expected.length !== actual.length) throw new RangeError('psi: expected and actual must have the same length');
  const e = shares(expected, 'expected');
  const a = shares(actual, 'actual');
  let total = 0;
  for (let i = 0; i < e.length; i++) {
    const ei = Math.max(e[i] ?? 0, epsilon);
    const ai = Math.max(a[i] ?? 0, epsilon);
    total += (ai - ei) * Math.log(ai / ei);
  }
  return total;
}

export function shares(counts: readonly number[], name = 'counts'): number[] {
  let sum = 0;
  for (const c of counts) {
    if (!(c >= 0) || !Number.isFinite(c)) throw new RangeError(`${name}: count ${c} is not a finite non-negative number`);
    sum += c;
  }
  if (sum === 0) throw new RangeError(`${name}: counts sum to 0`);
  return counts.map((c) => c / sum);
}
