// Pure statistics: no DuckDB, no Ink. `import { … } from '@touchstone/core/stats'`.
export { benjaminiHochberg } from './stats/benjamini-hochberg.js';
export { normalCdf, normalQuantile, normalSf, twoSidedP } from './stats/normal.js';
export { createRng, shuffleInPlace, type Rng } from './stats/rng.js';
export { binomialSample } from './stats/paired/binomial-sample.js';

// paired tests (eval differential)
export { binomialCdf, binomialSf } from './stats/paired/binomial-tail.js';
export { mcnemarExact, type McNemarResult } from './stats/paired/mcnemar-exact.js';
export { wilcoxonSignedRank, type WilcoxonOptions, type WilcoxonResult, type ZeroMethod } from './stats/paired/wilcoxon-signed-rank.js';
export { wilcoxonPmf } from './stats/paired/wilcoxon-distribution.js';
export { tangoZ, tangoPValue, tangoCi, type PairedCounts } from './stats/paired/tango-paired-difference.js';
export { pairedBootstrapCi, type PairedBootstrapOptions } from './stats/paired/paired-bootstrap.js';
export { minimumDetectableEffect } from './stats/paired/minimum-detectable-effect.js';
export { averageRanks } from './stats/paired/average-ranks.js';
export type { Alternative } from './stats/paired/alternative.js';

// agreement (labeler skew)
export { cohenKappa, kappaFromConfusion, type CohenKappaOptions, type KappaWeights } from './stats/agreement/cohen-kappa.js';
export { confusionMatrix, type Category } from './stats/agreement/confusion-matrix.js';
export { categoryCounts, compressRows, type CategoryCounts, type Rating } from './stats/agreement/category-counts.js';
export { krippendorffAlpha, alphaFromCounts, intervalAlphaFromMoments, assertAlphaMetric, ALPHA_METRICS, type AlphaMetric } from './stats/agreement/krippendorff-alpha.js';
export { fleissKappa, fleissKappaFromCounts } from './stats/agreement/fleiss-kappa.js';
export { gwetAc, gwetAcFromCounts, type GwetResult } from './stats/agreement/gwet-ac.js';
export { agreementWeights, type AgreementWeightKind } from './stats/agreement/agreement-weights.js';
export { dawidSkene, type ClassLabels, type DawidSkeneOptions, type DawidSkeneResult } from './stats/agreement/dawid-skene.js';
export { bootstrapItems, bootstrapItemsMany, type BootstrapItemsOptions, type BootstrapInterval } from './stats/agreement/bootstrap-items.js';

// drift (two-sample distribution tests and distances)
export { ksTwoSample, type KsResult } from './stats/drift/ks-two-sample.js';
export { ksExactPValue } from './stats/drift/ks-exact.js';
export { kolmogorovSf, smirnovSf, pelzGoodCdf } from './stats/drift/kolmogorov-sf.js';
export { chiSquareSf, regularizedGammaQ } from './stats/drift/chi-square-sf.js';
export { chiSquareHomogeneity, type ChiSquareResult } from './stats/drift/chi-square-homogeneity.js';
export { psi, PSI_EPSILON } from './stats/drift/psi.js';
export { jensenShannonDistance } from './stats/drift/jensen-shannon.js';
export { wassersteinDistance } from './stats/drift/wasserstein.js';
export { twoProportions, wilsonInterval, type ProportionDiff } from './stats/drift/two-proportions.js';
export { kishEffectiveSize, weightedShare, type WeightedShare } from './stats/survey/weighted-share.js';
