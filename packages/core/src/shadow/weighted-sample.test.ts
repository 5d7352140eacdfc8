import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../stats/rng.js';
import { kishEffectiveSize, weightedShare } from '../stats/survey/weighted-share.js';
import { allocate } from './allocation.js';
import { keepDistinct } from './sample-window.js';

// The shadow set's weights by simulation: a window in which one intent is a template repeated
// with small variations (near-duplicates of each other) and the rest is varied text. Each run draws
// a stratified sample in a random order, folds near-duplicates into the kept request (as
// sample-window.ts does), and puts a Wilson interval on Kish's effective size around the
// weighted share of the templated intent. Over the runs the interval must cover the window's
// true share at about the nominal 95%; the share of kept items (the old, unweighted estimate) must not.
const VOCAB = Array.from({ length: 400 }, (_, i) => `w${(i * 7919) % 10007}x${i % 13}`);

interface Request {
  readonly input: string;
  readonly templated: boolean;
}

function windowOf(rng: Rng, n: number, templatedShare: number): Request[] {
  return Array.from({ length: n }, () => {
    if (rng.next() < templatedShare) return { input: `refund my crypto payment of ${10 + rng.int(4)} coins for order ${100 + rng.int(3)} please`, templated: true };
    return { input: Array.from({ length: 7 }, () => VOCAB[rng.int(VOCAB.length)]).join(' '), templated: false };
  });
}

function shuffled<T>(rng: Rng, xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

describe('weighted shadow shares (simulation)', () => {
  it('cover the window share of a templated intent at the nominal rate; unweighted item shares do not', () => {
    const runs = 200;
    let covered = 0;
    let naiveCovered = 0;
    let meanItems = 0;
    let meanEff = 0;
    for (let run = 0; run < runs; run++) {
      const rng = createRng(1000 + run);
      const strata = { a: windowOf(rng, 1200, 0.08), b: windowOf(rng, 800, 0.05) };
      const truth = (strata.a.filter((r) => r.templated).length + strata.b.filter((r) => r.templated).length) / 2000;
      const alloc = allocate([{ key: 'a', size: 1200 }, { key: 'b', size: 800 }], 200, 'proportional');
      const weights: number[] = [];
      const hits: boolean[] = [];
      for (const [key, rows] of Object.entries(strata)) {
        const n = alloc.get(key) ?? 0;
        // Only a prefix of the order is ever read (sample-window.ts over-draws by about a quarter).
        const s = keepDistinct(shuffled(rng, rows).slice(0, 2 * n), n, 0.8);
        expect(s.kept.length).toBe(n);
        for (const k of s.kept) {
          weights.push((k.count * rows.length) / s.drawn);
          hits.push(k.row.templated);
        }
      }
      expect(weights.reduce((x, y) => x + y, 0)).toBeCloseTo(2000, 6);
      const est = weightedShare(weights, hits);
      if (est.ci[0] <= truth && truth <= est.ci[1]) covered++;
      const naive = weightedShare(weights.map(() => 1), hits);
      if (naive.ci[0] <= truth && truth <= naive.ci[1]) naiveCovered++;
      meanItems += weights.length / runs;
      meanEff += est.nEffective / runs;
    }
    if (process.env["TS_SIM_LOG"] !== undefined) console.log({ covered: covered / runs, naiveCovered: naiveCovered / runs, meanItems, meanEff });
    // 200 runs at a true 95%: the binomial 99% range is about 91%–99%.
    expect(covered / runs).toBeGreaterThanOrEqual(0.91);
    expect(covered / runs).toBeLessThanOrEqual(0.99);
    expect(naiveCovered / runs).toBeLessThan(0.5);
    expect(meanEff).toBeLessThan(meanItems);
  }, 240_000);

  it('Kish effective size: (Σw)²/Σw²', () => {
    // (1 + 1 + 2 + 4)² / (1 + 1 + 4 + 16) = 64 / 22 (Kish 1965, §11.7)
    expect(kishEffectiveSize([1, 1, 2, 4])).toBeCloseTo(64 / 22, 12);
    expect(kishEffectiveSize([3, 3, 3])).toBeCloseTo(3, 12);
    expect(kishEffectiveSize([])).toBe(0);
  });
});
