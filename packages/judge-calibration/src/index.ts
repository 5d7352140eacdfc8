// @touchstone/judge-calibration — pure: no DuckDB, no Ink. The store reader is '@touchstone/judge-calibration/store'.

// calibration
export { calibrate } from './calibration/calibrate.js';
export { CalibrateOptionsSchema, type CalibrateOptions } from './calibration/calibrate-options.js';
export { CalibrationPairSchema, type CalibrationPair } from './calibration/calibration-pair.js';
export { CalibrationReportSchema, BandSummarySchema, OverallSchema, VerdictSchema, type CalibrationReport, type BandSummary, type Overall, type Verdict } from './calibration/calibration-report.js';
export { JudgeCalibrationResultSchema, PairCoverageSchema, type JudgeCalibrationResult, type PairCoverage } from './calibration/judge-calibration-result.js';
export { compareJudges, type CompareOptions } from './calibration/compare-judges.js';
export { JudgeComparisonSchema, PairedChangeSchema, type JudgeComparison, type PairedChange } from './calibration/comparison-report.js';
export { nextLabels, NextLabelsSchema, type NextLabels, type Candidate } from './calibration/next-labels.js';
export { scaleRules, bandOf, bandLabels, type ScaleRules } from './calibration/scale-rules.js';
export { verdictFor } from './calibration/verdict.js';

// corrected pass rates
export { correctedPassRate, type CorrectedPassRate, type CorrectedPassRateInput } from './correction/corrected-pass-rate.js';
export { ppiMean, type PpiMean, type PpiMeanInput } from './correction/ppi-mean.js';
export { humanScaleEstimates, type HumanScaleInput } from './correction/human-scale-estimates.js';
export { judgeScoreShift } from './correction/judge-score-shift.js';
export { JudgeCorrectionResultSchema, type JudgeCorrectionResult } from './correction/judge-correction-result.js';
export { CorrectedPassRateSchema, PpiMeanSchema } from './correction/correction-schemas.js';

// statistics
export { wilsonInterval } from './stats/wilson-interval.js';
export { extraLabelsNeeded } from './stats/extra-labels-needed.js';
export { spearman } from './stats/spearman.js';
export { kendallTauB } from './stats/kendall-tau-b.js';
export { rankCorrelationInterval } from './stats/correlation-interval.js';
export { bcaInterval, jackknifeAcceleration, type BcaResult } from './stats/bca-interval.js';
export { bootstrapMeans, type BootstrapMeansResult, type BootstrapOptions } from './stats/bootstrap-means.js';
export { sampleMultinomial } from './stats/multinomial-sample.js';
