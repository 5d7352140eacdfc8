import type { CalibrationPair } from './calibration-pair.js';
import type { ScaleRules } from './scale-rules.js';

/** Per-pair quantities every band and overall statistic is built from, as parallel typed arrays. */
export interface PairMetrics {
  readonly n: number;
  readonly judge: Float64Array;
  readonly human: Float64Array;
  /** Category index on the scale (−1 off the scale). */
  readonly judgePoint: Int32Array;
  readonly humanPoint: Int32Array;
  /** 1 when |judge − human| ≤ tolerance (categorical scales: same category). */
  readonly within: Uint8Array;
  /** 1 when both fall on the same scale point. */
  readonly exact: Uint8Array;
  /** judge − human. */
  readonly diff: Float64Array;
  readonly absDiff: Float64Array;
  readonly judgePass: Uint8Array;
  readonly humanPass: Uint8Array;
}

export function pairMetrics(pairs: readonly CalibrationPair[], rules: ScaleRules, tolerance: number): PairMetrics {
  const n = pairs.length;
  const m: PairMetrics = {
    n,
    judge: new Float64Array(n),
    human: new Float64Array(n),
    judgePoint: new Int32Array(n),
    humanPoint: new Int32Array(n),
    within: new Uint8Array(n),
    exact: new Uint8Array(n),
    diff: new Float64Array(n),
    absDiff: new Float64Array(n),
    judgePass: new Uint8Array(n),
    humanPass: new Uint8Array(n),
  };
  // Scores are often fractions of thirds (averaged judge runs); a distance of exactly the tolerance must count.
  const slack = 1e-9 * Math.max(1, tolerance);
  pairs.forEach((p, i) => {
    m.judge[i] = p.judge;
    m.human[i] = p.human;
    const jp = rules.point(p.judge);
    const hp = rules.point(p.human);
    m.judgePoint[i] = jp;
    m.humanPoint[i] = hp;
    m.exact[i] = jp >= 0 && jp === hp ? 1 : 0;
    m.diff[i] = p.judge - p.human;
    m.absDiff[i] = Math.abs(p.judge - p.human);
    m.within[i] = rules.categorical ? m.exact[i] as number : (m.absDiff[i] as number) <= tolerance + slack ? 1 : 0;
    m.judgePass[i] = (p.judge_pass ?? rules.passes(p.judge)) ? 1 : 0;
    m.humanPass[i] = (p.human_pass ?? rules.passes(p.human)) ? 1 : 0;
  });
  return m;
}
