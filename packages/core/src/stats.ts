// Pure statistics: no DuckDB, no Ink. `import { … } from '@touchstone/core/stats'`.
export { benjaminiHochberg } from './stats/benjamini-hochberg.js';
export { normalCdf, normalQuantile, normalSf, twoSidedP } from './stats/normal.js';
export { createRng, shuffleInPlace, type Rng } from './stats/rng.js';

// agreement (labeler skew)
export { cohenKappa, kappaFromConfusion, type CohenKappaOptions, type KappaWeights } from './stats/agreement/cohen-kappa.js';
export { confusionMatrix, type Category } from './stats/agreement/confusion-matrix.js';
export { categoryCounts, compressRows, type CategoryCounts, type Rating } from './stats/agreement/category-counts.js';
export { krippendorffAlpha, alphaFromCounts, intervalAlphaFromMoments, type AlphaMetric } from './stats/agreement/krippendorff-alpha.js';
export { fleissKappa, fleissKappaFromCounts } from './stats/agreement/fleiss-kappa.js';
export { gwetAc, gwetAcFromCounts, type GwetResult } from './stats/agreement/gwet-ac.js';
export { agreementWeights, type AgreementWeightKind } from './stats/agreement/agreement-weights.js';
export { dawidSkene, type ClassLabels, type DawidSkeneOptions, type DawidSkeneResult } from './stats/agreement/dawid-skene.js';
export { bootstrapItems, type BootstrapItemsOptions, type BootstrapInterval } from './stats/agreement/bootstrap-items.js';
