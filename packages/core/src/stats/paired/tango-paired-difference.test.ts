import { describe, expect, it } from 'vitest';
import { tangoCi, tangoPValue, tangoZ } from './tango-paired-difference.js';

// cavo_2012 (Cavo et al. 2012, via Fagerland, Lydersen & Laake 2017, ch. 8): [[59, 6], [16, 80]], n = 161.
const cavo = { n12: 6, n21: 16, n: 161 };

describe("Tango's score test and interval for a paired difference of proportions", () => {
  it('reproduces the published interval for cavo_2012', () => {
    // R contingencytables, tests/testthat/test-ch8.R: Tango_asymptotic_score_CI_paired_2x2(cavo_2012)
    // -> "estimate = -0.0621 (95% CI -0.1240 to -0.0054)"
    const [lo, hi] = tangoCi(cavo);
    expect(lo).toBeCloseTo(-0.124, 4);
    expect(hi).toBeCloseTo(-0.0054, 4);
  });
  it("reduces to McNemar's z at δ0 = 0", () => {
    // contingencytables test-ch8.R: McNemar_asymptotic_test_paired_2x2(cavo_2012) -> "P = 0.033006, Z = -2.132"
    expect(tangoZ(cavo, 0)).toBeCloseTo((6 - 16) / Math.sqrt(22), 12);
    expect(tangoZ(cavo, 0)).toBeCloseTo(-2.132, 3);
    expect(2 * tangoPValue(cavo, 0, 'less')).toBeCloseTo(0.033006, 6);
  });
  it('inverts: Z at each limit is ∓ z_0.975 and the one-sided tests there have p = 0.025', () => {
    const [lo, hi] = tangoCi(cavo);
    expect(tangoZ(cavo, lo)).toBeCloseTo(1.959963984540054, 8);
    expect(tangoZ(cavo, hi)).toBeCloseTo(-1.959963984540054, 8);
    expect(tangoPValue(cavo, lo, 'greater')).toBeCloseTo(0.025, 8);
  });
  it('gives a non-degenerate interval with no discordant pairs and clamps at ±1', () => {
    const [lo, hi] = tangoCi({ n12: 0, n21: 0, n: 50 });
    expect(lo).toBeLessThan(0);
    expect(hi).toBeGreaterThan(0);
    expect(tangoCi({ n12: 10, n21: 0, n: 10 })[1]).toBe(1);
  });
  it('rejects impossible tables', () => {
    expect(() => tangoZ({ n12: 6, n21: 6, n: 10 }, 0)).toThrow(RangeError);
    expect(() => tangoZ(cavo, 1)).toThrow(RangeError);
  });
});
