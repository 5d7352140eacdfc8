import { describe, expect, it } from 'vitest';
import { analyzeDrift } from './analyze-drift.js';
import { makeWorld, NO_DRIFT, simulate, type Scenario } from './test-helpers/simulate.js';

// Simulation of the whole detector (every test, BH across them, the effect rule) on a synthetic world:
// 20 intents with Zipf-like traffic, each with its own pseudo-words plus shared ones. Reduced seed
// counts by default; TOUCHSTONE_FULL_SIM=1 (set by bench/) runs ten times more. Bounds allow two
// binomial standard errors of simulation error around the target rate.
const FULL = process.env['TOUCHSTONE_FULL_SIM'] === '1';
const world = makeWorld(20, 7);
/** A judge harsher than humans (passes 75% of what humans pass, 10% of what they fail), on gold and traffic alike. */
const BIASED_JUDGE = { tpr: 0.75, tnr: 0.9 };

function alertRate(scenario: Scenario, runs: number, firstSeed: number, kinds?: readonly string[]): { rate: number; byKind: Record<string, number> } {
  let hits = 0;
  const byKind: Record<string, number> = {};
  for (let seed = firstSeed; seed < firstSeed + runs; seed++) {
    const report = analyzeDrift(simulate(world, scenario, seed));
    const relevant = report.alerts.filter((a) => kinds === undefined || kinds.includes(a.kind));
    if (relevant.length > 0) hits++;
    for (const a of report.alerts) byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
  }
  console.log(`drift simulation: ${hits}/${runs} runs alerted${kinds === undefined ? '' : ` on ${kinds.join(', ')}`} ${JSON.stringify(byKind)}`);
  return { rate: hits / runs, byKind };
}

const se = (p: number, n: number): number => Math.sqrt((p * (1 - p)) / n);

describe('drift detector simulation', () => {
  it('windows drawn from the gold distribution alert in at most 5% of runs, with a judge biased against humans', () => {
    const runs = FULL ? 400 : 40;
    const { rate, byKind } = alertRate({ ...NO_DRIFT, judge: BIASED_JUDGE }, runs, 1000);
    expect(rate, JSON.stringify(byKind)).toBeLessThanOrEqual(0.05 + 2 * se(0.05, runs));
  });

  it('a new intent at 5% of traffic (a new slice value) alerts in at least 90% of runs', () => {
    const runs = FULL ? 200 : 20;
    const { rate, byKind } = alertRate({ ...NO_DRIFT, newIntentShare: 0.05 }, runs, 2000);
    expect(rate, JSON.stringify(byKind)).toBeGreaterThanOrEqual(0.9 - 2 * se(0.9, runs));
  });

  it('a new intent at 10% that traffic carries no slice for is found by coverage gaps alone (2,000 gold, 1,000 shadow)', () => {
    // Text similarity is the only signal here, and its alert threshold is an estimated 5% of traffic
    // outside gold's coverage (the default, chosen so CLINC150's train/test split does not alarm):
    // an unlabeled intent at 5% sits right at it, so the planted effect here is 10%.
    const runs = FULL ? 100 : 8;
    const { rate, byKind } = alertRate({ ...NO_DRIFT, nGold: 2000, nShadow: 1000, newIntentShare: 0.1, newIntentLabeled: false }, runs, 3000, ['coverage_gap']);
    expect(rate, JSON.stringify(byKind)).toBeGreaterThanOrEqual(0.9 - 2 * se(0.9, runs));
  });

  it('an intent traffic no longer sends (9.5% of gold) is found as stale gold content from texts alone (2,000 gold, 1,000 shadow)', () => {
    // The sunset intent is the third most frequent (Zipf weight 1/4 of 20 intents: 9.5% of gold). Only
    // stale_content alerts count, so the signal comes from texts, as when gold slices are failure modes.
    // Measured over 100 runs each (2026-11-22): 12.6% of gold → 100%, 9.5% → 94%, 7.6% → 81%; the
    // effect threshold (an estimated 5% of gold unlike traffic) is what a smaller sunset meets last.
    const runs = FULL ? 100 : 8;
    const { rate, byKind } = alertRate({ ...NO_DRIFT, nGold: 2000, nShadow: 1000, sunsetIntent: 2 }, runs, 5000, ['stale_content']);
    expect(rate, JSON.stringify(byKind)).toBeGreaterThanOrEqual(0.9 - 2 * se(0.9, runs));
  });

  it('stale gold content alone stays within its 5% under no drift at the larger size too (2,000 gold, 1,000 shadow)', () => {
    const runs = FULL ? 200 : 20;
    const { rate, byKind } = alertRate({ ...NO_DRIFT, nGold: 2000, nShadow: 1000 }, runs, 6000, ['stale_content']);
    expect(rate, JSON.stringify(byKind)).toBeLessThanOrEqual(0.05 + 2 * se(0.05, runs));
  });

  it('the judge passing 94% of gold against 85% of shadow traffic on 500 shadow items is detected (≥ 90% of runs)', () => {
    const runs = FULL ? 200 : 20;
    const { rate, byKind } = alertRate({ ...NO_DRIFT, goldPass: 0.94, shadowPass: 0.85 }, runs, 4000, ['pass_rate']);
    expect(rate, JSON.stringify(byKind)).toBeGreaterThanOrEqual(0.9 - 2 * se(0.9, runs));
  });
});
