import { z } from 'zod';
import { HumanScaleSchema } from './human-scale.js';
import { PassRuleSchema } from './judge-pass-rule.js';

const Ci = z.tuple([z.number(), z.number()]);

export const DriftAlertSchema = z.object({
  kind: z.enum(['pass_rate', 'pass_rate_slice', 'slice_mix', 'unseen_slice', 'numeric', 'metadata_unseen', 'metadata_mix', 'coverage_gap', 'stale_gold', 'stale_content']),
  slice: z.string().nullable(),
  name: z.string(),
  message: z.string(),
  effect: z.number(),
  effect_name: z.string(),
  threshold: z.number(),
  p_value: z.number(),
  q_value: z.number(),
});
export type DriftAlert = z.infer<typeof DriftAlertSchema>;

/** The judge's pass rate on gold items against on shadow traffic (one instrument); humans' gold rate beside it. */
const RateSchema = z.object({
  slice: z.string().nullable(),
  gold: z.number().nullable(),
  shadow: z.number().nullable(),
  /** gold − shadow, judge on both sides. */
  diff: z.number().nullable(),
  ci: Ci.nullable(),
  n_gold: z.number(),
  n_shadow: z.number(),
  n_shadow_effective: z.number().optional(),
  p_value: z.number().nullable(),
  gold_human: z.number().nullable().optional(),
  n_gold_human: z.number().optional(),
});

/** The disagreement report of a shadow set with its gold set (`touchstone drift --json`). */
export const DriftReportSchema = z.object({
  status: z.enum(['ok', 'alert']),
  gold_set: z.string(),
  shadow_id: z.string(),
  /** The shadow set behind every share: items, window requests they stand for (Σ weights), Kish's effective size. Absent in reports stored before weights. */
  shadow_sample: z.object({ n_items: z.number(), requests: z.number(), n_effective: z.number() }).optional(),
  window: z.object({ start: z.string(), end: z.string() }),
  /** Tests whose q < α and whose effect reaches its threshold. */
  alerts: z.array(DriftAlertSchema),
  /** Significant PSI in the 0.1–0.25 band (or the configured warn band) without an alert. */
  warnings: z.array(DriftAlertSchema),
  pass_rate: RateSchema.extend({
    threshold: z.number(),
    /** The recommended human-scale estimate of the shadow pass rate (see human_scale); else null. */
    corrected_shadow: z.object({ estimate: z.number(), ci: Ci, judge: z.string(), n_calibration: z.number() }).nullable(),
  }),
  pass_rate_by_slice: z.array(RateSchema),
  /** The rule that made judge scores pass/fail and where it came from; absent in reports stored before it existed. */
  pass_rule: PassRuleSchema.optional(),
  /** Human-scale estimates of the traffic pass rate (Rogan–Gladen, PPI++), per slice, with what each assumes. */
  human_scale: HumanScaleSchema.nullable().optional(),
  slices: z.array(z.object({ slice: z.string(), gold_items: z.number(), gold_share: z.number(), window_requests: z.number(), shadow_share: z.number() })),
  slice_mix: z.object({ chi2: z.number(), df: z.number(), p_value: z.number(), psi: z.number(), js_distance: z.number(), cramers_v: z.number() }).nullable(),
  numeric: z.array(z.object({ feature: z.string(), n_gold: z.number(), n_shadow: z.number(), gold_median: z.number(), shadow_median: z.number(), ks_d: z.number(), p_value: z.number(), wasserstein: z.number(), psi: z.number() })),
  metadata: z.array(z.object({
    key: z.string(),
    /** Compared with gold's items, or with traffic before the window when gold carries no such key (absent in older reports). */
    reference: z.enum(['gold', 'earlier_traffic']).optional(),
    unseen_share: z.number(),
    turnover_share: z.number().nullable(),
    unseen_p_value: z.number().nullable(),
    mix: z.object({ p_value: z.number(), psi: z.number(), js_distance: z.number(), chi2: z.number(), df: z.number() }).nullable(),
    top: z.array(z.object({ value: z.string(), baseline_share: z.number(), window_share: z.number(), unseen: z.boolean() })),
  })),
  // representation, n_effective, requests and top_metadata: absent in reports stored before shadow weights and embeddings.
  coverage: z.object({ similarity_threshold: z.number(), cluster_similarity: z.number().optional(), representation: z.enum(['embedding', 'lexical']).optional(), n_effective: z.number().optional(), uncovered_share: z.number(), gold_uncovered_share: z.number(), shadow_uncovered_share_half: z.number(), excess: z.number(), p_value: z.number() }).nullable(),
  /** Clusters of traffic with no close gold item, largest weighted share of traffic first; listed whether or not coverage alerts. */
  coverage_gaps: z.array(z.object({ size: z.number(), requests: z.number().optional(), share: z.number(), examples: z.array(z.string()), top_slice: z.string().nullable(), mean_gold_similarity: z.number(), gold_nearby: z.number(), top_metadata: z.array(z.object({ key: z.string(), value: z.string(), share: z.number() })).optional() })),
  stale_gold: z.array(z.object({ slice: z.string(), gold_items: z.number(), gold_share: z.number(), last_seen: z.string().nullable(), p_value: z.number() })),
  /** Gold items with no close shadow request (stale-content.ts); absent in reports stored before it existed. */
  stale_content: z.object({ similarity_threshold: z.number(), stale_share: z.number(), traffic_uncovered_share: z.number(), gold_uncovered_share_half: z.number(), excess: z.number(), p_value: z.number(), gold_items: z.number() }).nullable().optional(),
  stale_content_clusters: z.array(z.object({ size: z.number(), share: z.number(), examples: z.array(z.string()), top_slice: z.string().nullable(), mean_traffic_similarity: z.number(), traffic_nearby: z.number() })).optional(),
  /** Every test run, with its effect, p-value and BH q-value. */
  tests: z.array(DriftAlertSchema.extend({ status: z.enum(['alert', 'warn', 'ok']) })),
  // null: a threshold that could not be determined (coverage thresholds when coverage was not computed).
  thresholds: z.record(z.string(), z.number().nullable()),
  /** What could not be tested and why (no slices in traffic, no texts in gold, short history …). */
  notes: z.array(z.string()),
});
export type DriftReport = z.infer<typeof DriftReportSchema>;
