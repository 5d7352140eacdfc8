import { describe, expect, it } from 'vitest';
import { meanInterval } from './mean-interval.js';
import { positionBuckets } from './position-buckets.js';

describe('meanInterval', () => {
  it('matches scipy.stats.norm.interval', () => {
    // scipy 1.17.1: stats.norm.interval(0.95, loc=0.5, scale=1/np.sqrt(100)) -> (0.3040036015459946, 0.6959963984540054)
    const [lo, hi] = meanInterval(0.5, 1, 100) ?? [NaN, NaN];
    expect(lo).toBeCloseTo(0.3040036015459946, 9);
    expect(hi).toBeCloseTo(0.6959963984540054, 9);
    // x = [0.5,1.5,1,0,2,1,1.5,0.5]: mean 1.0, sd (ddof=1) 0.6546536707079771;
    // scipy 1.17.1: stats.norm.interval(0.9, loc=1.0, scale=sd/np.sqrt(8)) -> (0.6192903627461361, 1.3807096372538636)
    const [lo90, hi90] = meanInterval(1, 0.6546536707079771, 8, 0.9) ?? [NaN, NaN];
    expect(lo90).toBeCloseTo(0.6192903627461361, 9);
    expect(hi90).toBeCloseTo(1.3807096372538636, 9);
  });

  it('has no interval for fewer than two values or an unknown spread', () => {
    expect(meanInterval(1, 0.5, 1)).toBeNull();
    expect(meanInterval(1, null, 10)).toBeNull();
  });
});

describe('positionBuckets', () => {
  it('weights each position by its compared labels within equal-width buckets', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ position: i + 1, n: 2, n_compared: i < 20 ? 2 : 1, mean_diff: i < 20 ? 0 : 1, mean_score: 3 }));
    const b = positionBuckets(rows, 3);
    expect(b.map((x) => [x.from, x.to, x.n])).toEqual([[1, 10, 20], [11, 20, 20], [21, 30, 20]]);
    expect(b.map((x) => x.mean_diff)).toEqual([0, 0, 1]);
    expect(positionBuckets([], 12)).toEqual([]);
  });

  it('skips empty buckets and keeps a bucket whose labels were never compared', () => {
    const b = positionBuckets([{ position: 1, n: 1, n_compared: 0, mean_diff: null, mean_score: 4 }, { position: 9, n: 3, n_compared: 3, mean_diff: -0.5, mean_score: 2 }], 4);
    expect(b).toEqual([
      { from: 1, to: 3, n: 1, mean_diff: null, mean_score: 4 },
      { from: 7, to: 9, n: 3, mean_diff: -0.5, mean_score: 2 },
    ]);
  });
});
