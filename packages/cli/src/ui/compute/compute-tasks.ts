import { driftReport, loadConfig, skew, UsageError, verify, type Store } from '@touchstone/core';
import { calibrateJudge } from '@touchstone/judge-calibration/store';
import { passRateCorrector } from '../../commands/drift-corrector.js';
import type { ComputeRequest } from './compute-request.js';

/**
 * The heavy library calls the audit makes, by task name, as the commands make them (the same
 * numbers `touchstone skew`, `judge calibrate` and `drift` print: drift with the judge-error
 * corrector and the working directory's touchstone.config.json); each returns plain data.
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
      return driftReport(store, { goldSet, config: loadConfig(process.cwd()).config.drift ?? {}, corrector: passRateCorrector });
  }
}
