import { z } from 'zod';
import { JudgeScaleSchema } from './judge-pass-rule.js';

/**
 * Alert thresholds. An alert needs BOTH a BH-adjusted q-value below `q` AND an effect at or above
 * its threshold, so a tiny, irrelevant difference on a huge sample never alarms.
 */
export const DriftThresholdsSchema = z
  .object({
    /** False discovery rate level for Benjamini–Hochberg across every test of a report (default 0.05). */
    q: z.number().gt(0).lt(1),
    /** PSI at which a mix shift is reported as a warning (default 0.1) … */
    psi_warn: z.number().positive(),
    /** … and as an alert (default 0.25) — Siddiqi's conventional bands. */
    psi_alert: z.number().positive(),
    /** Jensen–Shannon distance (base 2) of a categorical mix that alerts (default 0.1). */
    js_distance: z.number().positive().max(1),
    /** Kolmogorov–Smirnov D of a numeric feature that alerts (default 0.1). */
    ks_d: z.number().positive().max(1),
    /** Absolute difference of the judge's pass rate between gold and shadow that alerts (default 0.05). */
    pass_rate_diff: z.number().positive().max(1),
    /** Share of traffic in slices the gold set has no item for (default 0.02). */
    new_slice_share: z.number().positive().max(1),
    /** Excess share of traffic with metadata values never seen before (default 0.05). */
    unseen_share: z.number().positive().max(1),
    /**
     * Estimated share of traffic outside gold's coverage, (u − u₀)/(1 − u₀) (default 0.025). Calibrated by
     * simulation (coverage-simulation.test.ts): an unrouted new intent at 5% of traffic sits at an
     * estimate near 5%, so a 5% threshold would catch it in only about half the windows; at 2.5% the
     * BH q-value is what keeps windows without one quiet.
     */
    coverage_excess: z.number().positive().max(1),
    /** Share of gold items in a slice with no traffic in the window that alerts (default 0.02). */
    stale_share: z.number().positive().max(1),
    /** Estimated share of gold items unlike any current traffic, (u − u₀)/(1 − u₀) (default 0.05). */
    stale_content_excess: z.number().positive().max(1),
  })
  .strict();
export type DriftThresholds = z.infer<typeof DriftThresholdsSchema>;

export const DEFAULT_THRESHOLDS: DriftThresholds = {
  q: 0.05,
  psi_warn: 0.1,
  psi_alert: 0.25,
  js_distance: 0.1,
  ks_d: 0.1,
  pass_rate_diff: 0.05,
  new_slice_share: 0.02,
  unseen_share: 0.05,
  coverage_excess: 0.025,
  stale_share: 0.02,
  stale_content_excess: 0.05,
};

export const CoverageConfigSchema = z
  .object({
    /**
     * Cosine similarity (char 3–4-gram TF-IDF) at or above which a gold item is a close neighbour.
     * Default "auto": the `auto_quantile` quantile of held-out gold items' similarity to the rest of
     * gold, so "no close neighbour" means "farther than all but 5% of gold's own items are".
     */
    similarity: z.union([z.number().gt(0).max(1), z.literal('auto')]),
    /** Quantile used by similarity "auto" (default 0.05). */
    auto_quantile: z.number().gt(0).lt(0.5),
    /**
     * Cosine similarity at which two uncovered shadow items are linked; gaps are the single-linkage
     * clusters. Default "auto": the coverage similarity measured at the shadow set's density (the
     * `auto_quantile` quantile of held-out gold items' similarity to as many gold items as the shadow
     * set holds; the coverage similarity itself when the shadow set is as large as half of gold).
     */
    cluster_similarity: z.union([z.number().gt(0).max(1), z.literal('auto')]),
    /** Smallest cluster reported as a gap (default 3). */
    min_cluster_size: z.number().int().positive(),
    /** Representative examples per cluster (default 3). */
    examples: z.number().int().positive(),
    /** Most clusters reported (default 10). */
    max_clusters: z.number().int().positive(),
  })
  .strict();
export type CoverageConfig = z.infer<typeof CoverageConfigSchema>;

export const DEFAULT_COVERAGE: CoverageConfig = { similarity: 'auto', auto_quantile: 0.05, cluster_similarity: 'auto', min_cluster_size: 3, examples: 3, max_clusters: 10 };

/** The `drift` section of touchstone.config.json. */
export const DriftConfigSchema = z
  .object({
    /** A judge score passes at or above this, on the judge's scale (default: the gold set's own pass rule). */
    pass_threshold: z.number().optional(),
    /** The judge's score scale when it is not the gold set's: gold's pass rule is mapped onto it linearly. */
    judge_scale: JudgeScaleSchema.optional(),
    thresholds: DriftThresholdsSchema.partial().optional(),
    coverage: CoverageConfigSchema.partial().optional(),
    /** Metadata keys to test (default: every key seen in the shadow set, at most 20). */
    metadata_keys: z.array(z.string().min(1)).optional(),
    /** Distinct values kept per metadata key before the rest become "other" (default 20). */
    top_k: z.number().int().positive().optional(),
    /** Judge whose scores on gold items calibrate the traffic judge (default: the only one, if exactly one). */
    judge: z.string().min(1).optional(),
  })
  .strict();
export type DriftConfig = z.infer<typeof DriftConfigSchema>;
