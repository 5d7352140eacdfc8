import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.js';
import { bootstrapItems } from './bootstrap-items.js';
import { categoryCounts, compressRows } from './category-counts.js';
import { alphaFromCounts } from './krippendorff-alpha.js';

describe('bootstrapItems', () => {
  it('gives the standard error of a mean close to s/√n (Efron & Tibshirani 1993, §6.2)', () => {
    const rng = createRng(3);
    const x = Array.from({ length: 400 }, () => rng.normal());
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1));
    const stat = (w: Float64Array): number => {
      let s = 0;
      for (let i = 0; i < x.length; i++) s += w[i]! * x[i]!;
      return s / x.length;
    };
    const ci = bootstrapItems(x.length, stat, { replicates: 2000, seed: 11 });
    expect(ci).not.toBeNull();
    expect(ci!.se / (sd / Math.sqrt(x.length))).toBeGreaterThan(0.93);
    expect(ci!.se / (sd / Math.sqrt(x.length))).toBeLessThan(1.07);
    expect(ci!.lower).toBeLessThan(mean);
    expect(ci!.upper).toBeGreaterThan(mean);
  });

  it('is reproducible from its seed and works on compressed rows', () => {
    const units = Array.from({ length: 300 }, (_, i) => [i % 3, i % 3, (i * 7) % 5 === 0 ? (i + 1) % 3 : i % 3]);
    const table = categoryCounts(units);
    const { table: rows, rowOf } = compressRows(table);
    const run = (): ReturnType<typeof bootstrapItems> =>
      bootstrapItems(units.length, (w) => alphaFromCounts(rows, 'nominal', w), { replicates: 200, seed: 5, rowOf, nRows: rows.nRows });
    const a = run();
    expect(a).toEqual(run());
    const alpha = alphaFromCounts(table, 'nominal');
    expect(a!.lower).toBeLessThan(alpha);
    expect(a!.upper).toBeGreaterThan(alpha);
  });
});
