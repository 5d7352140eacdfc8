import { correctedPassRate } from '@touchstone/judge-calibration';
import type { PassRateCorrector } from '@touchstone/core';

/** Rogan–Gladen correction of the shadow pass rate by the judge's error rates on gold (judge-calibration package). */
export const passRateCorrector: PassRateCorrector = (input) => {
  const r = correctedPassRate({ ...input, seed: 1 });
  return { estimate: r.estimate, ci: [r.ci[0], r.ci[1]] };
};
