import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from './benjamini-hochberg.js';

describe('benjaminiHochberg', () => {
  it('matches R p.adjust(method = "BH")', () => {
    // R 4.3: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2, 0.5), "BH")
    // [1] 0.0300 0.0600 0.0600 0.0300 0.2400 0.5000
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2, 0.5]);
    [0.03, 0.06, 0.06, 0.03, 0.24, 0.5].forEach((e, i) => expect(q[i]).toBeCloseTo(e, 12));
  });
  it('rejects p-values outside [0, 1]', () => {
    expect(() => benjaminiHochberg([0.1, 1.2])).toThrow(RangeError);
  });
});
