import { describe, expect, it } from 'vitest';
import { rankCorrelationInterval } from './correlation-interval.js';

describe('rankCorrelationInterval', () => {
  it('applies the Bonett–Wright and Fieller standard errors on Fisher z', () => {
    // numpy: r=0.5, n=50, se=sqrt((1+r²/2)/(n−3)); tanh(atanh(r) ∓ norm.ppf(0.975)·se)
    //   -> (0.24122450865341494, 0.6923932730075202)
    const s = rankCorrelationInterval('spearman', 0.5, 50);
    expect(s?.[0]).toBeCloseTo(0.24122450865341494, 12);
    expect(s?.[1]).toBeCloseTo(0.6923932730075202, 12);
    // numpy: r=0.3, n=100, se=sqrt(0.437/96) -> (0.17544832063086202, 0.41509948132910085)
    const k = rankCorrelationInterval('kendall', 0.3, 100);
    expect(k?.[0]).toBeCloseTo(0.17544832063086202, 12);
    expect(k?.[1]).toBeCloseTo(0.41509948132910085, 12);
  });

  it('is null when undefined and degenerate at |r| = 1', () => {
    expect(rankCorrelationInterval('kendall', 0.2, 4)).toBeNull();
    expect(rankCorrelationInterval('spearman', Number.NaN, 40)).toBeNull();
    expect(rankCorrelationInterval('spearman', 1, 40)).toEqual([1, 1]);
  });
});
