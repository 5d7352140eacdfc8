import { humanScaleEstimates } from '@touchstone/judge-calibration';
import type { HumanScaleCorrector } from '@touchstone/core';

/** Human-scale estimates of the traffic pass rate from the judge's errors on gold (judge-calibration package). */
export const passRateCorrector: HumanScaleCorrector = (input) => humanScaleEstimates({ ...input, seed: 1 });
