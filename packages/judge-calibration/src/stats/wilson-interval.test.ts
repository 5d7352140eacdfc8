import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson-interval.js';

describe('wilsonInterval', () => {
  // statsmodels 0.15.0: proportion_confint(k, n, alpha=a, method='wilson')
  const cases: [number, number, number, [number, number]][] = [
    [81, 263, 0.95, [0.2552885198782742, 0.36620957698280004]],
    [0, 10, 0.95, [0.0, 0.27753279986288926]],
    [10, 10, 0.95, [0.7224672001371106, 1.0]],
    [1, 1, 0.95, [0.2065493143772374, 1.0]],
    [45, 50, 0.9, [0.8084624858484291, 0.950470965522555]],
    [199, 200, 0.99, [0.9587991180797599, 0.9994127002381603]],
    [7, 29, 0.95, [0.12218422442520083, 0.4210760161781134]],
  ];
  it.each(cases)('%i/%i at %f matches statsmodels', (k, n, conf, [lo, hi]) => {
    const [l, h] = wilsonInterval(k, n, conf);
    expect(l).toBeCloseTo(lo, 12);
    expect(h).toBeCloseTo(hi, 12);
  });

  it('is [0, 1] with no observations and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
    expect(() => wilsonInterval(5, 3)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 3)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 3, 1)).toThrow(RangeError);
  });
});
