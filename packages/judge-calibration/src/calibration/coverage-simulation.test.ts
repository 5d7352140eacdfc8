import { createRng, type Rng } from '@touchstone/core/stats';
import { describe, expect, it } from 'vitest';
import { correctedPassRate } from '../correction/corrected-pass-rate.js';
import { ppiMean } from '../correction/ppi-mean.js';
import { calibrate } from './calibrate.js';
import type { CalibrationPair } from './calibration-pair.js';

// Coverage of the 95% intervals. TOUCHSTONE_FULL_SIM=1 (bench/) runs the full count and requires
// coverage in [0.93, 0.97]. The default reduced run has fewer datasets, so its coverage estimate
// carries binomial error se = √(0.95·0.05/m); the accepted band is widened by 2·se on each side.
const FULL = process.env['TOUCHSTONE_FULL_SIM'] === '1';

function acceptedBand(m: number): [number, number] {
  if (FULL) return [0.93, 0.97];
  const se = Math.sqrt((0.95 * 0.05) / m);
  return [0.93 - 2 * se, 0.97 + 2 * se];
}

function report(name: string, covered: number, m: number): number {
  const [lo, hi] = acceptedBand(m);
  console.info(`${name}: coverage ${(covered / m).toFixed(4)} over ${m} intervals; accepted [${lo.toFixed(4)}, ${hi.toFixed(4)}]`);
  return covered / m;
}

function bernoulli(rng: Rng, p: number): number {
  return rng.next() < p ? 1 : 0;
}

describe(`coverage of 95% intervals (${FULL ? 'full' : 'reduced'} simulation)`, () => {
  it('band agreement (Wilson) covers the true per-band agreement', () => {
    // Five judge-score bands of 120 items with true within-±1 agreement 0.7, 0.8, 0.85, 0.9, 0.95.
    const truth = [0.7, 0.8, 0.85, 0.9, 0.95];
    const far: Record<number, number[]> = { 1: [3, 4, 5], 2: [4, 5], 3: [1, 5], 4: [1, 2], 5: [1, 2, 3] };
    const datasets = FULL ? 3000 : 240;
    const rng = createRng(31);
    let covered = 0;
    let total = 0;
    for (let d = 0; d < datasets; d++) {
      const pairs: CalibrationPair[] = [];
      for (let s = 1; s <= 5; s++) {
        for (let i = 0; i < 120; i++) {
          const options = far[s] as number[];
          const h = bernoulli(rng, truth[s - 1] as number) === 1 ? s : (options[rng.int(options.length)] as number);
          pairs.push({ item_id: `${d}-${s}-${i}`, judge: s, human: h });
        }
      }
      const r = calibrate(pairs, { scale: { kind: 'ordinal', min: 1, max: 5 }, resamples: 100, seed: d });
      r.bands.forEach((b, i) => {
        total += 1;
        if (b.ci !== null && b.ci[0] <= (truth[i] as number) && (truth[i] as number) <= b.ci[1]) covered += 1;
      });
    }
    const coverage = report('band agreement (Wilson)', covered, total);
    const [lo, hi] = acceptedBand(total);
    expect(coverage).toBeGreaterThanOrEqual(lo);
    expect(coverage).toBeLessThanOrEqual(hi);
  });

  // A judge with TPR 0.9 and TNR 0.85 on traffic whose true pass rate is 0.6; 300 labeled items, 3000 unlabeled.
  const simulate = (rng: Rng): { labels: number[]; predictions: number[]; unlabeled: number[] } => {
    const judgeOf = (truth: number): number => (truth === 1 ? bernoulli(rng, 0.9) : 1 - bernoulli(rng, 0.85));
    const labels = Array.from({ length: 300 }, () => bernoulli(rng, 0.6));
    const predictions = labels.map(judgeOf);
    const unlabeled = Array.from({ length: 3000 }, () => judgeOf(bernoulli(rng, 0.6)));
    return { labels, predictions, unlabeled };
  };

  it('Rogan–Gladen corrected pass rate (bootstrap) covers the true pass rate', () => {
    const runs = FULL ? 4000 : 500;
    const rng = createRng(77);
    let covered = 0;
    for (let r = 0; r < runs; r++) {
      const { labels, predictions, unlabeled } = simulate(rng);
      const res = correctedPassRate({ labels, predictions, unlabeledPredictions: unlabeled, resamples: FULL ? 2000 : 1000, seed: r });
      if (res.ci[0] <= 0.6 && 0.6 <= res.ci[1]) covered += 1;
    }
    const coverage = report('Rogan–Gladen bootstrap', covered, runs);
    const [lo, hi] = acceptedBand(runs);
    expect(coverage).toBeGreaterThanOrEqual(lo);
    expect(coverage).toBeLessThanOrEqual(hi);
  });

  it('PPI++ (tuned λ, alpha 0.05) covers the true pass rate', () => {
    const runs = FULL ? 10000 : 1500;
    const rng = createRng(78);
    let covered = 0;
    for (let r = 0; r < runs; r++) {
      const { labels, predictions, unlabeled } = simulate(rng);
      const res = ppiMean({ labeled: { y: labels, yhat: predictions }, unlabeledYhat: unlabeled, alpha: 0.05, lambda: 'auto' });
      if (res.ci[0] <= 0.6 && 0.6 <= res.ci[1]) covered += 1;
    }
    const coverage = report('PPI++ alpha 0.05', covered, runs);
    const [lo, hi] = acceptedBand(runs);
    expect(coverage).toBeGreaterThanOrEqual(lo);
    expect(coverage).toBeLessThanOrEqual(hi);
  });
});
