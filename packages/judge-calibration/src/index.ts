// @touchstone/judge-calibration — pure: no DuckDB, no Ink. The store reader is '@touchstone/judge-calibration/store'.

// corrected pass rates
export { correctedPassRate, type CorrectedPassRate, type CorrectedPassRateInput } from './correction/corrected-pass-rate.js';
export { ppiMean, type PpiMean, type PpiMeanInput } from './correction/ppi-mean.js';

// statistics
export { wilsonInterval } from './stats/wilson-interval.js';
export { spearman } from './stats/spearman.js';
export { kendallTauB } from './stats/kendall-tau-b.js';
export { rankCorrelationInterval } from './stats/correlation-interval.js';
export { bcaInterval, jackknifeAcceleration, type BcaResult } from './stats/bca-interval.js';
export { bootstrapMeans, type BootstrapMeansResult, type BootstrapOptions } from './stats/bootstrap-means.js';
export { sampleBinomial } from './stats/binomial-sample.js';
export { sampleMultinomial } from './stats/multinomial-sample.js';
