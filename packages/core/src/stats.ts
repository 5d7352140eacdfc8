// Pure statistics: no DuckDB, no Ink. `import { … } from '@touchstone/core/stats'`.
export { benjaminiHochberg } from './stats/benjamini-hochberg.js';
export { normalCdf, normalQuantile, normalSf, twoSidedP } from './stats/normal.js';
export { createRng, shuffleInPlace, type Rng } from './stats/rng.js';

// agreement (labeler skew)
export { cohenKappa, kappaFromConfusion, type CohenKappaOptions, type KappaWeights } from './stats/agreement/cohen-kappa.js';
export { confusionMatrix, type Category } from './stats/agreement/confusion-matrix.js';
