// @touchstone/datasets — the seeded demo audit (see ../README.md for the story and planted effects).

// generator
export { generateDemo, DEFAULT_SEED, DEFAULT_OUT_DIR, FILE_NAMES, type GenerateDemoOptions, type DemoFiles } from './generate-demo.js';
export { readDemoManifest } from './read-demo-manifest.js';

// manifest and story constants
export { DemoManifestSchema, MANIFEST_FILE, type DemoManifest } from './demo-manifest.js';
export { GOLD_SET, SCALE_SPEC, PASS_THRESHOLD, JUDGE, LENIENT, FATIGUE, FAILURE_MODES, type FailureMode } from './demo-story.js';

// scoring an audit against the planted effects
export { scoreSkew, type SkewScorecard, type PlantedResult } from './skew-scorecard.js';
