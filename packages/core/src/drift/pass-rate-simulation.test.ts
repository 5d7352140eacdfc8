import { describe, expect, it } from 'vitest';
import { createRng } from '../stats/rng.js';
import { decideTests } from './drift-test.js';
import { passRateTests, type GoldOutcome, type ShadowOutcome } from './pass-rate.js';

// The pass-rate tests alone (overall and six slices, BH across them, the 5-point effect rule) on
// simulated gold sets and windows: cheap enough to run thousands of times in the unit suite. The whole
// detector (every test together) is simulated in drift-simulation.test.ts.
const FULL = process.env['TOUCHSTONE_FULL_SIM'] === '1';
const SLICES = [['a', 0.4, 0.95], ['b', 0.16, 0.6], ['c', 0.14, 0.4], ['d', 0.12, 0.35], ['e', 0.1, 0.05], ['f', 0.08, 0.02]] as const;

interface World {
  /** Humans' pass rate per slice on gold and on traffic (the truth), and the judge's error rates. */
  readonly goldShift?: number;
  readonly trafficShift?: number;
  readonly tpr: number;
  readonly tnr: number;
  readonly nGold: number;
  readonly nShadow: number;
  /** Unequal shadow weights (1 or 4) as a deduplicated or Neyman-allocated set has. */
  readonly weighted?: boolean;
}

function draw(w: World, seed: number): { gold: GoldOutcome[]; shadow: ShadowOutcome[] } {
  const rng = createRng(seed);
  const slice = (): (typeof SLICES)[number] => {
    let u = rng.next();
    for (const s of SLICES) if ((u -= s[1]) < 0) return s;
    return SLICES[0];
  };
  const judge = (pass: boolean): boolean => rng.next() < (pass ? w.tpr : 1 - w.tnr);
  const gold = Array.from({ length: w.nGold }, () => {
    const s = slice();
    const pass = rng.next() < Math.min(1, s[2] + (w.goldShift ?? 0));
    return { slice: s[0], pass, judge_pass: judge(pass) };
  });
  const shadow = Array.from({ length: w.nShadow }, () => {
    const s = slice();
    return { slice: s[0], pass: judge(rng.next() < Math.min(1, s[2] + (w.trafficShift ?? 0))), weight: w.weighted === true && rng.next() < 0.3 ? 4 : 1 };
  });
  return { gold, shadow };
}

function alertRate(w: World, runs: number, firstSeed: number, kinds: readonly string[] = ['pass_rate', 'pass_rate_slice']): number {
  let hits = 0;
  for (let seed = firstSeed; seed < firstSeed + runs; seed++) {
    const { gold, shadow } = draw(w, seed);
    const decided = decideTests(passRateTests(gold, shadow, 0.05).tests, 0.05, 0.1);
    if (decided.some((t) => t.status === 'alert' && kinds.includes(t.kind))) hits++;
  }
  console.log(`pass-rate simulation: ${hits}/${runs} runs alerted on ${kinds.join(', ')} ${JSON.stringify(w)}`);
  return hits / runs;
}

const se = (p: number, n: number): number => Math.sqrt((p * (1 - p)) / n);

describe('pass-rate drift, one instrument on both sides (simulation)', () => {
  it('traffic drawn like gold alerts in at most 5% of runs, whatever the judge\'s bias against humans', () => {
    const runs = FULL ? 4000 : 400;
    for (const [tpr, tnr] of [[1, 1], [0.7, 0.9], [0.6, 0.97]] as const) {
      expect(alertRate({ tpr, tnr, nGold: 2000, nShadow: 500 }, runs, 10_000)).toBeLessThanOrEqual(0.05 + 2 * se(0.05, runs));
      expect(alertRate({ tpr, tnr, nGold: 2000, nShadow: 500, weighted: true }, runs, 20_000)).toBeLessThanOrEqual(0.05 + 2 * se(0.05, runs));
    }
  });

  it('the cross-instrument comparison it replaces alarms on the same windows nearly always', () => {
    // Humans on gold against the judge on traffic: a harsh judge looks like a 20-point drop.
    let hits = 0;
    for (let seed = 0; seed < 100; seed++) {
      const { gold, shadow } = draw({ tpr: 0.7, tnr: 0.9, nGold: 2000, nShadow: 500 }, seed);
      const asIfJudged = gold.map((g) => ({ ...g, judge_pass: g.pass }));
      if (decideTests(passRateTests(asIfJudged, shadow, 0.05).tests, 0.05, 0.1).some((t) => t.status === 'alert')) hits++;
    }
    expect(hits).toBeGreaterThanOrEqual(95);
  });

  it('a drop of the judge\'s rate from 94% on gold to 85% on 500 shadow items is detected in at least 90% of runs', () => {
    const runs = FULL ? 2000 : 500;
    const one = [['all', 1, 0.94]] as const;
    let hits = 0;
    for (let seed = 0; seed < runs; seed++) {
      const rng = createRng(30_000 + seed);
      const gold = Array.from({ length: 2000 }, () => ({ slice: one[0][0], pass: true, judge_pass: rng.next() < 0.94 }));
      const shadow = Array.from({ length: 500 }, () => ({ slice: one[0][0], pass: rng.next() < 0.85 }));
      if (decideTests(passRateTests(gold, shadow, 0.05).tests, 0.05, 0.1).some((t) => t.status === 'alert' && t.kind === 'pass_rate')) hits++;
    }
    console.log(`pass-rate simulation: 94% → 85% detected in ${hits}/${runs} runs`);
    expect(hits / runs).toBeGreaterThanOrEqual(0.9 - 2 * se(0.9, runs));
  });
});
