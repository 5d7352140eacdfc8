import { ConfigError, DataError, type Store } from '@touchstone/core';
import { calibrate } from '../calibration/calibrate.js';
import type { CalibrateOptions } from '../calibration/calibrate-options.js';
import type { JudgeCalibrationResult } from '../calibration/judge-calibration-result.js';
import { nextLabels } from '../calibration/next-labels.js';
import { compareJudges } from '../calibration/compare-judges.js';
import type { JudgeComparison } from '../calibration/comparison-report.js';
import { loadJudgePairs, type LoadedPairs } from './load-pairs.js';

export type StoreCalibrateOptions = Omit<CalibrateOptions, 'scale' | 'gold_set' | 'judge' | 'pairing'> & {
  readonly gold: string;
  readonly judge: string;
  readonly pairing?: 'consensus' | 'all';
  /** How many next-label suggestions to return; default 20. */
  readonly nextLabels?: number;
};

/**
 * `touchstone judge calibrate`: the judge's scores on the gold set paired with the humans', calibrated,
 * with the overlap of scored and labeled items and the next items to label.
 * @throws DataError JUDGE_NO_PAIRS when no scored item has a human label; ConfigError for bad options
 */
export async function calibrateJudge(store: Store, o: StoreCalibrateOptions): Promise<JudgeCalibrationResult> {
  const pairing = o.pairing ?? 'consensus';
  const loaded = await loadJudgePairs(store, { goldSet: o.gold, judge: o.judge }, pairing);
  requirePairs(loaded, o.gold, o.judge);
  const { gold, judge, nextLabels: limit, pairing: _p, ...options } = o;
  const report = asConfigError(() => calibrate(loaded.pairs, { ...options, scale: loaded.goldSet.scale, pairing, gold_set: gold, judge }));
  return { ...report, coverage: loaded.coverage, next_labels: nextLabels(report, loaded.candidates, { limit: limit ?? 20, ...(o.seed === undefined ? {} : { seed: o.seed }) }) };
}

/**
 * `touchstone judge compare`: judge B against judge A on the gold items both scored.
 * @throws ConfigError JUDGE_COMPARED_WITH_ITSELF when A and B are the same judge (every test would say "no change")
 */
export async function compareJudgesInStore(store: Store, o: Omit<StoreCalibrateOptions, 'judge' | 'nextLabels'> & { judgeA: string; judgeB: string; alpha?: number }): Promise<JudgeComparison> {
  if (o.judgeA === o.judgeB) throw new ConfigError('JUDGE_COMPARED_WITH_ITSELF', `judge "${o.judgeB}" is compared with itself: name a different baseline judge (--against)`);
  const pairing = o.pairing ?? 'consensus';
  const a = await loadJudgePairs(store, { goldSet: o.gold, judge: o.judgeA }, pairing);
  const b = await loadJudgePairs(store, { goldSet: o.gold, judge: o.judgeB }, pairing);
  requirePairs(a, o.gold, o.judgeA);
  requirePairs(b, o.gold, o.judgeB);
  const { gold, judgeA, judgeB, pairing: _p, ...options } = o;
  const result = asConfigError(() => compareJudges(a.pairs, b.pairs, { ...options, scale: a.goldSet.scale, pairing, gold_set: gold, judgeA, judgeB }));
  if (result.n_common === 0) throw new DataError('JUDGE_NO_COMMON_ITEMS', `judges "${judgeA}" and "${judgeB}" scored no gold item of "${gold}" in common`);
  return result;
}

function requirePairs(loaded: LoadedPairs, gold: string, judge: string): void {
  if (loaded.pairs.length > 0) return;
  const c = loaded.coverage;
  throw new DataError(
    'JUDGE_NO_PAIRS',
    `judge "${judge}" scored ${c.judge_scored} item(s) of gold set "${gold}", none with a human ${c.no_consensus > 0 ? 'consensus (binary ties have none)' : 'label'}: the item_ids must match the gold set's`,
  );
}

function asConfigError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RangeError) throw new ConfigError('JUDGE_BAD_OPTION', error.message, { cause: error });
    throw error;
  }
}
