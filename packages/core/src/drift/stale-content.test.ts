import { describe, expect, it } from 'vitest';
import { createRng } from '../stats/rng.js';
import { DEFAULT_COVERAGE } from './drift-config.js';
import { staleContentAnalysis } from './stale-content.js';

// Customer requests from a few templates with varying slots; gold also asks about faxing, which traffic no longer does.
const TEMPLATES = [
  (n: number) => `Where is my order A-${n}? It was supposed to arrive last week.`,
  (n: number) => `I want my money back for order A-${n}, the lamp arrived broken.`,
  (n: number) => `Please change the delivery address for order A-${n} to my new flat.`,
  (n: number) => `I was charged ${n % 400}.99 twice this month, please fix this.`,
  (n: number) => `How do I reset my password? The link for account ${n} expired.`,
];
const FAX = (n: number) => `Can I send the signed form by fax? My fax number is 555-${n}.`;

function texts(seed: number, n: number, make: readonly ((k: number) => string)[]): string[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => (make[rng.int(make.length)] as (k: number) => string)(100000 + rng.int(900000)));
}

describe('stale gold content: gold items with no close request in current traffic', () => {
  it('finds the gold items about a workflow traffic no longer asks about, as one cluster with their slice', () => {
    const shadow = texts(1, 400, TEMPLATES);
    const gold = [
      ...texts(2, 300, TEMPLATES).map((text) => ({ text, slice: 'routine' })),
      ...texts(3, 40, [FAX]).map((text) => ({ text, slice: 'fax_support' })),
    ];
    const { result, test } = staleContentAnalysis(shadow, gold, DEFAULT_COVERAGE, 0.05);
    expect(result).not.toBeNull();
    const top = result?.clusters[0];
    expect(top?.top_slice).toBe('fax_support');
    expect(top?.examples.every((x) => x.includes('fax'))).toBe(true);
    expect(top?.traffic_nearby).toBe(0);
    // 40 of 340 gold items are about faxing. Template texts that differ only in a number are near-duplicates,
    // which go first (for both sets), so the shares are of the distinct items left: 124 here.
    expect(result?.gold_items).toBeLessThan(340);
    expect(result?.excess).toBeGreaterThan(0.1);
    expect(top?.share).toBeGreaterThan(0.1);
    expect(test).toMatchObject({ kind: 'stale_content', slice: 'fax_support', effectName: 'stale_gold_share' });
    expect(test?.pValue).toBeLessThan(0.01);
  });

  it('finds nothing to report when gold asks what traffic asks', () => {
    const shadow = texts(4, 400, TEMPLATES);
    const gold = texts(5, 340, TEMPLATES).map((text) => ({ text, slice: null }));
    const { result, test } = staleContentAnalysis(shadow, gold, DEFAULT_COVERAGE, 0.05);
    expect(result?.clusters).toEqual([]);
    expect(Math.abs(result?.excess ?? 1)).toBeLessThan(0.05);
    expect(test?.pValue).toBeGreaterThan(0.01);
  });

  it('drops gold near-duplicates before testing, so a copied stale item counts once', () => {
    const shadow = texts(6, 400, TEMPLATES);
    const one = FAX(123456);
    const gold = [...texts(7, 300, TEMPLATES).map((text) => ({ text, slice: null })), ...Array.from({ length: 30 }, () => ({ text: one, slice: 'fax_support' }))];
    const { result } = staleContentAnalysis(shadow, gold, DEFAULT_COVERAGE, 0.05);
    expect(result?.gold_items).toBeLessThanOrEqual(301);
    expect(result?.clusters).toEqual([]);
  });

  it('cannot test without at least four distinct shadow requests', () => {
    expect(staleContentAnalysis(['a b c'], [{ text: 'x', slice: null }], DEFAULT_COVERAGE, 0.05)).toEqual({ result: null, test: null });
  });
});
