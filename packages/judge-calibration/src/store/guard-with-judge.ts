import { assertGuardOk, guard, type Store } from '@touchstone/core';
import type { GuardOptions, GuardResult } from '@touchstone/core/schemas';
import { calibrateJudge, type StoreCalibrateOptions } from './calibrate-judge.js';

export type GuardWithJudgeOptions = Omit<GuardOptions, 'calibration'> & {
  /** The judge whose bands the pipeline relies on, as given to `ingest judge --judge`; no judge check when absent. */
  readonly judge?: string;
  /** Calibration options (target, tolerance, bands, pairing, resamples, seed …). */
  readonly calibrate?: Omit<StoreCalibrateOptions, 'gold' | 'judge' | 'nextLabels'>;
};

/**
 * The pipeline guard with the judge check: calibrates `judge` on the gold set (`calibrateJudge`) and
 * runs core's `guard` with that calibration. Lives here, not in core, because this package depends
 * on core and not the other way round.
 * @throws DataError JUDGE_NO_PAIRS / StoreError JUDGE_NOT_FOUND when the judge cannot be calibrated;
 *   ConfigError GUARD_UNKNOWN_BAND when a required band is not one of the judge's bands
 * @example await guardWithJudge(store, { goldSet: 'support', judge: 'gpt-judge@v3', requiredBands: ['4', '5'] })
 */
export async function guardWithJudge(store: Store, options: GuardWithJudgeOptions): Promise<GuardResult> {
  const { judge, calibrate, ...rest } = options;
  if (judge === undefined) return guard(store, rest);
  const calibration = await calibrateJudge(store, { ...calibrate, gold: options.goldSet, judge, nextLabels: 0 });
  return guard(store, { ...rest, calibration });
}

/** `guardWithJudge`, throwing GuardError (code GUARD_FAILED) when it fails. */
export async function assertGuardWithJudge(store: Store, options: GuardWithJudgeOptions): Promise<GuardResult> {
  return assertGuardOk(await guardWithJudge(store, options));
}
