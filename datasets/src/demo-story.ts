/**
 * The fixed facts of the demo story: a customer-support agent ("Acme Support") audited by a team of
 * twelve labelers on an ordinal 1–5 rubric. Everything the generator plants is named here, so the
 * README, the manifest and the tests read the same numbers.
 */
export const GOLD_SET = 'support-demo';
export const SCALE_SPEC = 'ordinal:1-5';
export const PASS_THRESHOLD = 4;
export const JUDGE = 'support-judge@v2';

/** Failure modes (the gold set's slices) with their share of items and the mean true quality of an item. */
export const FAILURE_MODES = [
  { slice: 'correct', share: 0.4, mean: 4.55 },
  { slice: 'incomplete_answer', share: 0.16, mean: 2.9 },
  // Confident made-up policies read plausibly: their true quality sits just under the pass bar, where a
  // lenient labeler's extra point turns failures into passes.
  { slice: 'hallucinated_policy', share: 0.14, mean: 3.3 },
  { slice: 'tone', share: 0.12, mean: 3.2 },
  { slice: 'wrong_tool', share: 0.1, mean: 2.2 },
  { slice: 'unsafe_action', share: 0.08, mean: 1.35 },
] as const;
export type FailureMode = (typeof FAILURE_MODES)[number]['slice'];

/**
 * Labelers: `weight` sets how many items each is assigned, `bias` and `noise` (standard deviation)
 * act on the 1–5 latent score; the unplanted biases are small (|b| ≤ 0.03) so that what the audit
 * finds is what was planted. `dana.r` is the planted lenient labeler (about 11% of items);
 * `felix.m` and `hana.s` tire in long sessions.
 */
export const LABELERS = [
  { id: 'amara.o', weight: 1.2, bias: 0.02, noise: 0.5 },
  { id: 'ben.t', weight: 1.1, bias: -0.03, noise: 0.55 },
  { id: 'chen.w', weight: 1.15, bias: 0.0, noise: 0.45 },
  { id: 'dana.r', weight: 0.43, bias: 0.0, noise: 0.5 },
  { id: 'elif.k', weight: 1.0, bias: -0.02, noise: 0.6 },
  { id: 'felix.m', weight: 1.05, bias: 0.02, noise: 0.5 },
  { id: 'grace.n', weight: 0.95, bias: -0.03, noise: 0.5 },
  { id: 'hana.s', weight: 1.0, bias: 0.0, noise: 0.55 },
  { id: 'ivan.p', weight: 0.9, bias: 0.03, noise: 0.65 },
  { id: 'jules.b', weight: 0.85, bias: -0.02, noise: 0.5 },
  { id: 'kofi.a', weight: 0.8, bias: 0.0, noise: 0.55 },
  { id: 'lena.v', weight: 0.75, bias: 0.02, noise: 0.6 },
] as const;

export const LENIENT = { labeler_id: 'dana.r', slice: 'hallucinated_policy', delta: 1.0 } as const;

/** Past `after_position` items in one session, these labelers drift up by `per_item` per item, at most `max_shift`. */
export const FATIGUE = { labeler_ids: ['felix.m', 'hana.s'], after_position: 25, per_item: 0.03, max_shift: 0.6 } as const;

/** Share of items with a single label; the rest get three. */
export const SINGLE_LABELED_SHARE = 0.1;

/** Labeling runs 12 weeks on weekdays; guideline v2 (stricter on tone) applies from `v2_from`. */
export const LABELING = {
  start: '2025-03-03T00:00:00Z',
  weeks: 12,
  v2_from: '2025-04-14T00:00:00Z',
  /** Under v1 the rubric forgave a curt tone: tone items scored this much higher. */
  v1_tone_leniency: 0.7,
} as const;

export const JUDGE_SCORED_AT = '2025-05-30T12:00:00Z';

/** Production traffic: 8 weeks ending (exclusive) at `end`. */
export const TRAFFIC = {
  end: '2025-07-28T00:00:00Z',
  days: 56,
  records: 50_000,
  new_intent: { intent: 'crypto_refund', first_day: 42, share: 0.07 },
  sunset_intent: { intent: 'fax_support', last_day: 30, share: 0.025 },
  models: [
    { model: 'acme-agent-2025-05', until_day: 28 },
    { model: 'acme-agent-2025-07', until_day: 56 },
  ],
  /** Days 28–34: the new model serves a growing canary share before taking all traffic. */
  canary: { from_day: 28, to_day: 35 },
  prompt_versions: [
    { prompt_version: 'support-prompt@14', until_day: 21 },
    { prompt_version: 'support-prompt@15', until_day: 42 },
    { prompt_version: 'support-prompt@16', until_day: 56 },
  ],
  tenants: 400,
} as const;

export const DAY_MS = 86_400_000;
