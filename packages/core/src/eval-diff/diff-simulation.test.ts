import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../stats/rng.js';
import { diffRuns } from './diff-runs.js';
import type { EvalRun, RunItem } from './eval-run.js';

/*
 * Monte-Carlo checks of the release gate on pass/fail and 1–5 judge-score runs of 10 slices × 400 items.
 *
 * Item model (pass/fail): an item is stably passing (72%), stably failing (12%) or flaky (16%, passes
 * each run with probability 1/2): a pass rate of 80% and 8% of items discordant between two runs of
 * the same system — the churn of re-running a near-deterministic (temperature 0) system. The 8-point
 * drop turns 1/9 of one slice's stable passes into stable failures; the other nine slices each gain
 * 3 points (a quarter of their stable failures fixed), so the overall pass rate rises by ~1.9 points.
 *
 * Reduced runs by default (fast); TOUCHSTONE_FULL_SIM=1 runs the full count. Bounds allow for
 * simulation error: a rate whose true value is exactly at its requirement passes with probability
 * ≥ 99% (2.33 binomial standard errors).
 */
const FULL = process.env['TOUCHSTONE_FULL_SIM'] === '1';
const RUNS = FULL ? 2000 : 300;
const SLICES = 10;
const PER_SLICE = 400;
const Z99 = 2.326;
const allowance = (p: number, n: number): number => Z99 * Math.sqrt((p * (1 - p)) / n);

type Kind = 'pass' | 'fail' | 'flaky';

function passRun(name: string, kinds: readonly Kind[][], rng: Rng): EvalRun {
  const items: RunItem[] = [];
  kinds.forEach((slice, s) => slice.forEach((k, i) => {
    items.push({ item_id: `s${s}-${i}`, slice: `slice-${s}`, pass: k === 'pass' || (k === 'flaky' && rng.next() < 0.5), score: null, line: items.length + 1 });
  }));
  return { name, source: 'file', metrics: ['pass'], gold_set: null, gold_snapshot: null, items };
}

function itemKinds(rng: Rng): Kind[][] {
  return Array.from({ length: SLICES }, () => Array.from({ length: PER_SLICE }, (): Kind => {
    const u = rng.next();
    return u < 0.72 ? 'pass' : u < 0.84 ? 'fail' : 'flaky';
  }));
}

describe(`diff simulation, pass/fail (${RUNS} runs${FULL ? ', full' : ', reduced: TOUCHSTONE_FULL_SIM=1 for 2000'})`, () => {
  it('reports a regression in at most 5% of runs with no true change across 10 slices', () => {
    let alarms = 0;
    for (let r = 0; r < RUNS; r++) {
      const rng = createRng(1_000 + r);
      const kinds = itemKinds(rng);
      const report = diffRuns(passRun('base', kinds, rng), passRun('cand', kinds, rng), { bootstrapResamples: 100 });
      if (report.regressions.length > 0) alarms += 1;
    }
    const rate = alarms / RUNS;
    console.info(`no change: regression reported in ${alarms}/${RUNS} runs (${(100 * rate).toFixed(1)}%)`);
    expect(rate).toBeLessThanOrEqual(0.05 + allowance(0.05, RUNS));
  });

  it('catches an 8-point drop on one slice of 400 items in at least 90% of runs while the overall rises', () => {
    let caught = 0;
    let overallRose = 0;
    let otherAlarms = 0;
    let overallDelta = 0;
    for (let r = 0; r < RUNS; r++) {
      const rng = createRng(50_000 + r);
      const kinds = itemKinds(rng);
      const candidate = kinds.map((slice, s) => slice.map((k): Kind => {
        if (s === 0 && k === 'pass' && rng.next() < 0.08 / 0.72) return 'fail';
        if (s !== 0 && k === 'fail' && rng.next() < 0.25) return 'pass';
        return k;
      }));
      const report = diffRuns(passRun('base', kinds, rng), passRun('cand', candidate, rng), { bootstrapResamples: 100 });
      if (report.regressions.includes('slice-0')) caught += 1;
      if (report.overall.delta > 0) overallRose += 1;
      overallDelta += report.overall.delta;
      if (report.regressions.some((s) => s !== 'slice-0')) otherAlarms += 1;
    }
    console.info(`8-point drop: caught in ${caught}/${RUNS} runs; overall delta > 0 in ${overallRose} (mean ${((100 * overallDelta) / RUNS).toFixed(2)} points); other slices flagged in ${otherAlarms}`);
    expect(caught / RUNS).toBeGreaterThanOrEqual(0.9 - allowance(0.9, RUNS));
    // The overall pass rate rises by ~1.9 points (SE ≈ 0.5 points): its observed delta is positive in nearly every run.
    expect(overallRose / RUNS).toBeGreaterThanOrEqual(0.95);
    expect(otherAlarms / RUNS).toBeLessThanOrEqual(0.05 + allowance(0.05, RUNS));
  });
});

/*
 * Score runs: each item has a latent quality μ ~ U(1.5, 5); a judge scores round(μ + N(0, 0.6)) clipped
 * to 1–5 — heavy ties and zero differences, the case the signed-rank test's tie handling is for.
 */
function scoreRun(name: string, mu: readonly number[][], rng: Rng, shift: (s: number) => number): EvalRun {
  const items: RunItem[] = [];
  mu.forEach((slice, s) => slice.forEach((m, i) => {
    const score = Math.min(5, Math.max(1, Math.round(m + shift(s) + 0.6 * rng.normal())));
    items.push({ item_id: `s${s}-${i}`, slice: `slice-${s}`, pass: null, score, line: items.length + 1 });
  }));
  return { name, source: 'file', metrics: ['score'], gold_set: null, gold_snapshot: null, items };
}

describe(`diff simulation, 1–5 judge scores (${Math.round(RUNS / 3)} runs)`, () => {
  const runs = Math.round(RUNS / 3);
  const latent = (rng: Rng): number[][] => Array.from({ length: SLICES }, () => Array.from({ length: PER_SLICE }, () => 1.5 + 3.5 * rng.next()));
  it('reports a regression in at most 5% of runs with no true change', () => {
    let alarms = 0;
    for (let r = 0; r < runs; r++) {
      const rng = createRng(90_000 + r);
      const mu = latent(rng);
      if (diffRuns(scoreRun('b', mu, rng, () => 0), scoreRun('c', mu, rng, () => 0), { bootstrapResamples: 100 }).regressions.length > 0) alarms += 1;
    }
    console.info(`scores, no change: regression reported in ${alarms}/${runs} runs`);
    expect(alarms / runs).toBeLessThanOrEqual(0.05 + allowance(0.05, runs));
  });
  it('catches a 0.2-point mean drop on one slice in at least 90% of runs', () => {
    let caught = 0;
    for (let r = 0; r < runs; r++) {
      const rng = createRng(95_000 + r);
      const mu = latent(rng);
      const report = diffRuns(scoreRun('b', mu, rng, () => 0), scoreRun('c', mu, rng, (s) => (s === 3 ? -0.2 : 0.05)), { bootstrapResamples: 100 });
      if (report.regressions.includes('slice-3')) caught += 1;
    }
    console.info(`scores, 0.2 drop: caught in ${caught}/${runs} runs`);
    expect(caught / runs).toBeGreaterThanOrEqual(0.9 - allowance(0.9, runs));
  });
});
