// @touchstone/judge-calibration/store — reads judge scores and human labels from the Touchstone store (DuckDB).

export { calibrateJudge, compareJudgesInStore, type StoreCalibrateOptions } from './store/calibrate-judge.js';
export { correctJudge, type CorrectJudgeOptions, type UnlabeledSource } from './store/correct-judge.js';
export { loadJudgePairs, type LoadedPairs } from './store/load-pairs.js';
export { resolveWindow } from './store/traffic-window.js';
export { convertScore, type Converted } from '@touchstone/core';
export { judgePairsSql, pairCoverageSql, unlabeledCandidatesSql, latestJudgeScoresSql, trafficJudgeScoresSql, shadowJudgeScoresSql, type JudgeSource } from './store/pairs-sql.js';

// the pipeline guard with its judge check (core's guard cannot import this package)
export { guardWithJudge, assertGuardWithJudge, type GuardWithJudgeOptions } from './store/guard-with-judge.js';
