import { driftReport, skew, UsageError, verify, type Store } from '@touchstone/core';
import { calibrateJudge } from '@touchstone/judge-calibration/store';
import type { ComputeRequest } from './compute-request.js';

/**
 * The heavy library calls the audit makes, by task name, with each library's defaults (the same
 * numbers `touchstone skew`, `judge calibrate` and `drift` print); each returns plain data.
 */
export async function runComputeTask(store: Store, request: ComputeRequest): Promise<unknown> {
  const goldSet = request.goldSet;
  switch (request.task) {
    case 'verify':
      return verify(store, goldSet);
    case 'skew':
      return skew(store, { goldSet });
    case 'judge':
      if (request.judge === undefined) throw new UsageError('COMPUTE_NO_JUDGE', 'judge calibration needs a judge name');
      return calibrateJudge(store, { gold: goldSet, judge: request.judge });
    case 'drift':
      return driftReport(store, { goldSet });
  }
}
