import { describe, expect, it } from 'vitest';
import { analyzeSkew } from './analyze-skew.js';
import { SkewOptionsSchema } from './skew-options.js';
import { PLANTED, simulateGold, type SimulationOptions } from './test-helpers/simulate-gold.js';

// Simulation tests of the detector (reduced seeds by default; TOUCHSTONE_FULL_SIM=1 runs the full
// count). Gold sets of 4,000 items, 12 labelers, 4 slices, realistic agreement (alpha ≈ 0.65–0.72),
// in two designs: dense (3 labels per item: co-labeler comparison) and sparse (80% of items with a
// single label, 20% with 3: slice-peer comparison). Every report runs the whole family of tests
// (labeler, labeler × slice, calendar and guideline drift, fatigue) under one Benjamini–Hochberg.
const FULL = process.env['TOUCHSTONE_FULL_SIM'] === '1';
const NULL_SEEDS = FULL ? 400 : 40;
const POWER_SEEDS = FULL ? 100 : 10;
const ALPHA = 0.05;
// About 3 s per report on a loaded 2-core box; 40 null reports plus the power runs.
const TIMEOUT = FULL ? 3_600_000 : 400_000;
const OPTIONS = SkewOptionsSchema.parse({ goldSet: 'sim', alpha: ALPHA, permutations: FULL ? 200 : 50, bootstrap: 0 });

const DESIGNS = { dense: { singleShare: 0 }, sparse: { singleShare: 0.8 } } as const;
const base = (seed: number, scale: 'binary' | 'ordinal', design: keyof typeof DESIGNS): SimulationOptions =>
  ({ seed, scale, nItems: 4000, labelsPerItem: 3, nLabelers: 12, nSlices: 4, ...DESIGNS[design] });

describe('skew detector under no planted effect', () => {
  it(`raises any flag in at most ${ALPHA} of simulated gold sets, within simulation error (${NULL_SEEDS} seeds)`, () => {
    let flagged = 0;
    for (let k = 0; k < NULL_SEEDS; k++) {
      const scale = k % 2 === 0 ? 'binary' : 'ordinal';
      const design = k % 4 < 2 ? 'dense' : 'sparse';
      if (analyzeSkew(simulateGold(base(10_000 + k, scale, design)).data, OPTIONS).flags.length > 0) flagged += 1;
    }
    // BH at q = 0.05 under the global null bounds P(any rejection) by 0.05 (it is then the FWER).
    // Allowance: two binomial standard errors, √(0.05·0.95/n).
    console.log(`skew simulation, no effect: ${flagged}/${NULL_SEEDS} gold sets with any flag`);
    expect(flagged / NULL_SEEDS).toBeLessThanOrEqual(ALPHA + 2 * Math.sqrt((ALPHA * 0.95) / NULL_SEEDS));
  }, TIMEOUT);
});

describe.each([
  { scale: 'ordinal' as const, effect: 1, label: 'lenient by 1 point (1–5 scale)' },
  { scale: 'binary' as const, effect: 0.25, label: 'lenient by 25 points of pass rate' },
])('a planted labeler with 11% of the items, $label on one slice', ({ scale, effect }) => {
  it.each(['dense', 'sparse'] as const)('is flagged on that slice and ranked first by impact (%s design)', (design) => {
    let onSlice = 0;
    let first = 0;
    for (let k = 0; k < POWER_SEEDS; k++) {
      const sim = simulateGold({ ...base(20_000 + k, scale, design), plant: { share: 0.11, slice: 1, effect } });
      const report = analyzeSkew(sim.data, OPTIONS);
      if (report.flags.some((f) => f.labeler_id === PLANTED && f.slice === 's1' && f.kind === 'leniency')) onSlice += 1;
      if (report.flags[0]?.labeler_id === PLANTED) first += 1;
    }
    // Required: ≥ 90% of seeds. Reduced run (10 seeds): at most one miss; full run (100 seeds): ≥ 90.
    console.log(`skew simulation, ${scale} +${effect} on one slice, ${design}: flagged on the slice ${onSlice}/${POWER_SEEDS}, ranked first ${first}/${POWER_SEEDS}`);
    expect(onSlice / POWER_SEEDS).toBeGreaterThanOrEqual(FULL ? 0.9 : 0.9 - 1e-9);
    expect(first / POWER_SEEDS).toBeGreaterThanOrEqual(FULL ? 0.9 : 0.8);
  }, TIMEOUT);
});

describe('counterfactual impact against the labeler\'s volume (ordinal, dense)', () => {
  const SHARES = [0.02, 0.1, 0.2, 0.4];
  const SEEDS = FULL ? 40 : 4;
  const IMPACT_OPTIONS = SkewOptionsSchema.parse({ goldSet: 'sim', permutations: 0, bootstrap: 0 });
  const impactOf = (share: number, effect: number, seed: number): { shift: number; flips: number } => {
    const sim = simulateGold({ ...base(seed, 'ordinal', 'dense'), nItems: 2000, plant: { share, slice: -1, effect } });
    const l = analyzeSkew(sim.data, IMPACT_OPTIONS).labelers.find((r) => r.labeler_id === PLANTED)!;
    return { shift: l.impact.pass_rate_shift, flips: l.impact.flipped_items };
  };
  it(`is centred on 0 for an unbiased labeler at every volume from 2% to 40% of items, and grows with the share of a +1 labeler (${SEEDS} seeds per share)`, () => {
    const lines: string[] = [];
    let previous = 0;
    for (const share of SHARES) {
      const unbiased = Array.from({ length: SEEDS }, (_, k) => impactOf(share, 0, 30_000 + k));
      const planted = Array.from({ length: SEEDS }, (_, k) => impactOf(share, 1, 30_000 + k));
      const mean = (x: number[]): number => x.reduce((a, b) => a + b, 0) / x.length;
      const shifts = unbiased.map((u) => u.shift);
      const m = mean(shifts);
      const sd = Math.sqrt(shifts.reduce((a, x) => a + (x - m) ** 2, 0) / Math.max(1, shifts.length - 1));
      const plantedFlips = mean(planted.map((p) => p.flips));
      const plantedShift = mean(planted.map((p) => p.shift));
      lines.push(`share ${share}: unbiased shift ${(100 * m).toFixed(3)} ± ${(100 * sd).toFixed(3)} pts, flips ${mean(unbiased.map((u) => u.flips)).toFixed(2)}; +1 labeler shift ${(100 * plantedShift).toFixed(2)} pts, flips ${plantedFlips.toFixed(1)}`);
      // Centred: the mean within three standard errors of 0 (and tiny next to the planted labeler's).
      expect(Math.abs(m)).toBeLessThanOrEqual(3 * (sd / Math.sqrt(SEEDS)) + 1e-4);
      expect(Math.abs(m)).toBeLessThan(0.25 * Math.abs(plantedShift));
      expect(plantedShift).toBeLessThan(0);
      expect(plantedFlips).toBeGreaterThan(previous);
      previous = plantedFlips;
    }
    console.log(`skew simulation, impact by volume:\n  ${lines.join('\n  ')}`);
  }, TIMEOUT);
});
