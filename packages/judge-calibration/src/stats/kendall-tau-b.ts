/**
 * Kendall's τ_b with ties (Kendall 1945), in [−1, 1]:
 * τ_b = (n_c − n_d) / √((n₀ − n₁)(n₀ − n₂)), n₀ = n(n−1)/2, n₁ and n₂ the pairs tied in x and in y.
 * Computed in O(n log n) (Knight 1966): sort by (x, y), count discordant pairs as the strict
 * inversions of y by merge sort, and the tie counts from runs — the algorithm of
 * `scipy.stats.kendalltau(x, y)` (variant 'b'), to whose values the tests compare.
 * NaN when either variable is constant (scipy likewise).
 * @throws RangeError when the arrays differ in length or hold non-finite values
 * @example kendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]) // -0.4714045207910316 (scipy 1.17.1)
 */
export function kendallTauB(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`kendallTauB: x and y differ in length (${n} vs ${y.length})`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i] as number) || !Number.isFinite(y[i] as number)) throw new RangeError(`kendallTauB: pair ${i} is not finite`);
  }
  if (n < 2) return Number.NaN;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => (x[i] as number) - (x[j] as number) || (y[i] as number) - (y[j] as number));
  const xs = Float64Array.from(order, (i) => x[i] as number);
  const ys = Float64Array.from(order, (i) => y[i] as number);
  let xTies = 0;
  let jointTies = 0;
  let runX = 1;
  let runXY = 1;
  for (let i = 1; i <= n; i++) {
    const sameX = i < n && xs[i] === xs[i - 1];
    const sameXY = sameX && ys[i] === ys[i - 1];
    if (sameX) runX += 1;
    else {
      xTies += (runX * (runX - 1)) / 2;
      runX = 1;
    }
    if (sameXY) runXY += 1;
    else {
      jointTies += (runXY * (runXY - 1)) / 2;
      runXY = 1;
    }
  }
  const discordant = countInversions(ys);
  // ys is now sorted: count its ties from runs.
  let yTies = 0;
  let runY = 1;
  for (let i = 1; i <= n; i++) {
    if (i < n && ys[i] === ys[i - 1]) runY += 1;
    else {
      yTies += (runY * (runY - 1)) / 2;
      runY = 1;
    }
  }
  const total = (n * (n - 1)) / 2;
  const concordantMinusDiscordant = total - xTies - yTies + jointTies - 2 * discordant;
  const denom = Math.sqrt(total - xTies) * Math.sqrt(total - yTies);
  if (denom === 0) return Number.NaN;
  return Math.max(-1, Math.min(1, concordantMinusDiscordant / denom));
}

/** Strict inversions (i < j, a[i] > a[j]) by bottom-up merge sort; sorts `a` in place. */
function countInversions(a: Float64Array<ArrayBuffer>): number {
  const n = a.length;
  let src: Float64Array<ArrayBuffer> = a;
  let dst = new Float64Array(n);
  let inversions = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if ((src[i] as number) <= (src[j] as number)) dst[k++] = src[i++] as number;
        else {
          inversions += mid - i;
          dst[k++] = src[j++] as number;
        }
      }
      while (i < mid) dst[k++] = src[i++] as number;
      while (j < hi) dst[k++] = src[j++] as number;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== a) a.set(src);
  return inversions;
}
