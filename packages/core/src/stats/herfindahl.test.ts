import { describe, expect, it } from 'vitest';
import { herfindahl } from './herfindahl.js';

describe('herfindahl', () => {
  it('matches the published example: shares 30, 30, 20, 20 percent give an HHI of 2,600', () => {
    // U.S. Department of Justice and FTC, Horizontal Merger Guidelines (2010), §5.3: "a market consisting
    // of four firms with market shares of thirty percent, thirty percent, twenty percent, and twenty
    // percent has an HHI of 2,600" (on the 0–10,000 scale; 0.26 as a share).
    expect(herfindahl([30, 30, 20, 20])).toBeCloseTo(0.26, 12);
    expect(herfindahl([3, 3, 2, 2])).toBeCloseTo(0.26, 12);
  });
  it('is 1 for one holder, 1/k for k equal holders, 0 for nothing held', () => {
    expect(herfindahl([7])).toBe(1);
    expect(herfindahl([5, 5, 5, 5, 5])).toBeCloseTo(0.2, 12);
    expect(herfindahl([])).toBe(0);
    expect(herfindahl([0, 0])).toBe(0);
  });
});
