import { chiSquareHomogeneity } from '@touchstone/core/stats';

/**
 * Whether the judge scores gold items and traffic alike: chi-square homogeneity of the judge's score
 * values (deciles of the pooled scores when there are more than 20 distinct values) on gold against
 * on traffic, the traffic row at Kish's effective size so unequal weights do not overstate the
 * evidence. PPI/PPI++ assume gold is a random sample of traffic, which implies equal distributions;
 * a small p-value rejects that assumption. Null when either side has fewer than 10 scores.
 * @example judgeScoreShift([1, 2, 2, …], [4, 5, 5, …], weights).p_value
 */
export function judgeScoreShift(gold: readonly number[], traffic: readonly number[], weights: readonly number[]): { chi2: number; df: number; p_value: number; gold_mean: number; traffic_mean: number } | null {
  if (gold.length < 10 || traffic.length < 10) return null;
  const distinct = [...new Set([...gold, ...traffic])].sort((a, b) => a - b);
  let bin: (x: number) => number;
  let k: number;
  if (distinct.length <= 20) {
    const index = new Map(distinct.map((v, i) => [v, i]));
    bin = (x) => index.get(x) ?? 0;
    k = distinct.length;
  } else {
    const sorted = [...gold, ...traffic].sort((a, b) => a - b);
    const edges = [...new Set(Array.from({ length: 9 }, (_, i) => sorted[Math.floor(((i + 1) * sorted.length) / 10)] as number))];
    bin = (x) => edges.filter((e) => x >= e).length;
    k = edges.length + 1;
  }
  const g = new Array<number>(k).fill(0);
  const t = new Array<number>(k).fill(0);
  for (const x of gold) g[bin(x)]! += 1;
  let w = 0;
  let w2 = 0;
  traffic.forEach((x, i) => {
    const wi = weights[i] ?? 1;
    t[bin(x)]! += wi;
    w += wi;
    w2 += wi * wi;
  });
  const nEff = (w * w) / w2;
  const r = chiSquareHomogeneity([g, t.map((c) => (c / w) * nEff)]);
  const mean = (xs: readonly number[], ws?: readonly number[]): number => xs.reduce((a, x, i) => a + x * (ws?.[i] ?? 1), 0) / (ws === undefined ? xs.length : w);
  return { chi2: r.statistic, df: r.df, p_value: r.pValue, gold_mean: mean(gold), traffic_mean: mean(traffic, weights) };
}
