import { DEFAULT_COVERAGE, DEFAULT_THRESHOLDS, type CoverageConfig, type DriftConfig, type DriftThresholds } from './drift-config.js';
import { coverageAnalysis, type CoverageItem } from './coverage.js';
import { staleContentAnalysis } from './stale-content.js';
import { decideTests, type DriftTest, type DriftTestInput } from './drift-test.js';
import type { DriftReport } from './drift-report.js';
import { metadataTests, type MetadataCounts } from './metadata-drift.js';
import { numericTest } from './numeric-drift.js';
import type { HumanScale } from './human-scale.js';
import type { PassRule } from './judge-pass-rule.js';
import { passRateTests, type GoldOutcome, type ShadowOutcome } from './pass-rate.js';
import { sliceMixTest, unseenSliceTest } from './slice-mix.js';
import { staleGoldTests } from './stale-gold.js';
import { kishEffectiveSize } from '../stats/survey/weighted-share.js';

/** Everything the disagreement report needs, already read from the store: plain data, no DuckDB. */
export interface DriftInputs {
  readonly goldSet: string;
  readonly shadowId: string;
  readonly window: { start: string; end: string };
  readonly gold: readonly (GoldOutcome & { input: string | null; input_chars: number | null; output_chars: number | null; embedding?: readonly number[] | null })[];
  readonly shadow: readonly (ShadowOutcome & { input: string; input_chars: number; output_chars: number | null; embedding?: readonly number[] | null; metadata?: Readonly<Record<string, string>> | null })[];
  /** Requests per slice over the whole window (null slices left out). */
  readonly windowSlices: ReadonlyMap<string, number>;
  /** Requests in the window without a slice. */
  readonly windowNoSlice: number;
  /** Latest request per slice before the window. */
  readonly lastSeen: ReadonlyMap<string, string>;
  readonly metadata: readonly MetadataCounts[];
  readonly passThreshold: number;
  /** Where the pass threshold came from (gold set, config, flag). */
  readonly passRule?: PassRule;
  /** Human-scale estimates of the traffic pass rate from the gold pairs, when a corrector ran. */
  readonly humanScale?: HumanScale | null;
  readonly notes?: readonly string[];
}

export interface AnalyzeOptions {
  readonly thresholds?: DriftConfig['thresholds'];
  readonly coverage?: DriftConfig['coverage'];
}

/** The pure heart of `touchstone drift`: runs every test, controls FDR across them, applies the alert rule. */
export function analyzeDrift(inputs: DriftInputs, options: AnalyzeOptions = {}): DriftReport {
  const th: DriftThresholds = withDefaults(DEFAULT_THRESHOLDS, options.thresholds);
  const cov: CoverageConfig = withDefaults(DEFAULT_COVERAGE, options.coverage);
  const notes = [...(inputs.notes ?? [])];
  const tests: DriftTestInput[] = [];

  const rates = passRateTests(inputs.gold, inputs.shadow, th.pass_rate_diff);
  tests.push(...rates.tests);
  if (rates.overall.p_value === null && inputs.shadow.every((s) => s.pass === null)) notes.push('pass rate: no shadow request has a judge score');
  if (rates.untested.length > 0) notes.push(`pass rate not tested in ${rates.untested.map((s) => `"${s}"`).join(', ')}: fewer than 5 expected passes or fails on a side, too few for the test's normal approximation`);
  notes.push(...(inputs.humanScale?.notes ?? []));

  const goldSlices = new Map<string, number>();
  for (const g of inputs.gold) if (g.slice !== null) goldSlices.set(g.slice, (goldSlices.get(g.slice) ?? 0) + 1);
  const windowTotal = [...inputs.windowSlices.values()].reduce((a, b) => a + b, 0);
  const goldTotal = [...goldSlices.values()].reduce((a, b) => a + b, 0);
  let sliceMix: DriftReport['slice_mix'] = null;
  if (goldTotal === 0) notes.push('slice mix and stale gold: gold items carry no slice');
  else if (windowTotal === 0) notes.push('slice mix and stale gold: traffic in the window carries no slice');
  else {
    const { mix, test } = sliceMixTest(goldSlices, inputs.windowSlices, th.js_distance, th.psi_alert);
    if (test !== null) tests.push(test);
    const unseen = unseenSliceTest(goldSlices, inputs.windowSlices, th.new_slice_share);
    if (unseen !== null) tests.push(unseen);
    if (mix !== null) sliceMix = { chi2: mix.chi2, df: mix.df, p_value: mix.p_value, psi: mix.psi, js_distance: mix.js_distance, cramers_v: mix.cramers_v };
  }
  if (inputs.windowNoSlice > 0 && windowTotal > 0) notes.push(`${inputs.windowNoSlice} requests in the window have no slice and are left out of the slice mix`);
  const stale = goldTotal > 0 && windowTotal > 0 ? staleGoldTests(goldSlices, inputs.windowSlices, inputs.lastSeen, th.stale_share) : { stale: [], tests: [] };
  tests.push(...stale.tests);

  const numeric: DriftReport['numeric'] = [];
  for (const feature of ['input_chars', 'output_chars'] as const) {
    const g = inputs.gold.map((x) => x[feature]).filter((x): x is number => x !== null);
    const withValue = inputs.shadow.filter((x) => x[feature] !== null);
    const s = withValue.map((x) => x[feature] as number);
    const r = numericTest(feature, g, s, th.ks_d, withValue.map((x) => x.weight ?? 1));
    if (r.comparison !== null && r.test !== null) {
      numeric.push(r.comparison);
      tests.push(r.test);
    } else notes.push(`${feature}: fewer than 5 values on one side (gold ${g.length}, shadow ${s.length})`);
  }

  const metadata: DriftReport['metadata'] = [];
  for (const m of inputs.metadata) {
    const r = metadataTests(m, th.unseen_share, th.js_distance);
    metadata.push(r.comparison);
    tests.push(...r.tests);
    if (r.comparison.turnover_share === null) notes.push(`metadata "${m.key}": less than two windows of history before the window, so new values are reported but not tested`);
  }

  const goldItems = inputs.gold.filter((g) => g.input !== null && g.input !== '').map((g) => ({ text: g.input as string, slice: g.slice, embedding: g.embedding ?? null }));
  const goldTexts = goldItems.map((g) => g.text);
  const shadowItems: CoverageItem[] = inputs.shadow.map((s) => ({ text: s.input, slice: s.slice, weight: s.weight ?? 1, embedding: s.embedding ?? null, metadata: s.metadata ?? null }));
  const coverage = coverageAnalysis(goldTexts, shadowItems, cov, th.coverage_excess, goldItems.map((g) => g.embedding));
  if (coverage.test !== null) tests.push(coverage.test);
  else notes.push(goldTexts.length < 2 ? 'coverage gaps: the gold set has fewer than two item texts (ingest labels with an input field)' : 'coverage gaps: the shadow set is empty');
  const staleContent = staleContentAnalysis(shadowItems.map((s) => s.text), goldItems, cov, th.stale_content_excess);
  if (staleContent.test !== null) tests.push(staleContent.test);
  else if (goldItems.length > 0) notes.push('stale gold content: the shadow set has fewer than four distinct requests');

  const decided = decideTests(tests, th.q, th.psi_warn);
  const toAlert = (t: DriftTest): DriftReport['alerts'][number] => ({
    kind: t.kind,
    slice: t.slice,
    name: t.name,
    message: `${t.message} (q = ${formatQ(t.qValue)})`,
    effect: t.effect,
    effect_name: t.effectName,
    threshold: t.threshold,
    p_value: t.pValue,
    q_value: t.qValue,
  });
  const alerts = decided.filter((t) => t.status === 'alert').map(toAlert);
  const shadowTotal = inputs.shadow.length;
  const sliceNames = [...new Set([...goldSlices.keys(), ...inputs.windowSlices.keys()])].sort();
  return {
    status: alerts.length > 0 ? 'alert' : 'ok',
    gold_set: inputs.goldSet,
    shadow_id: inputs.shadowId,
    window: inputs.window,
    shadow_sample: { n_items: shadowTotal, requests: inputs.shadow.reduce((a, x) => a + (x.weight ?? 1), 0), n_effective: kishEffectiveSize(inputs.shadow.map((x) => x.weight ?? 1)) },
    alerts,
    warnings: decided.filter((t) => t.status === 'warn').map(toAlert),
    pass_rate: { ...rates.overall, threshold: inputs.passThreshold, corrected_shadow: correctedShadow(inputs.humanScale ?? null) },
    ...(inputs.passRule === undefined ? {} : { pass_rule: inputs.passRule }),
    human_scale: inputs.humanScale ?? null,
    pass_rate_by_slice: rates.bySlice,
    slices: sliceNames.map((slice) => ({
      slice,
      gold_items: goldSlices.get(slice) ?? 0,
      gold_share: goldTotal > 0 ? (goldSlices.get(slice) ?? 0) / goldTotal : 0,
      window_requests: inputs.windowSlices.get(slice) ?? 0,
      shadow_share: windowTotal > 0 ? (inputs.windowSlices.get(slice) ?? 0) / windowTotal : 0,
    })),
    slice_mix: sliceMix,
    numeric,
    metadata,
    coverage: coverage.result === null ? null : (({ gaps: _gaps, ...rest }) => rest)(coverage.result),
    coverage_gaps: coverage.result?.gaps ?? [],
    stale_gold: stale.stale,
    stale_content: staleContent.result === null ? null : (({ clusters: _clusters, ...rest }) => rest)(staleContent.result),
    stale_content_clusters: staleContent.result?.clusters ?? [],
    tests: decided.map((t) => ({ ...toAlert(t), status: t.status })),
    thresholds: { ...th, pass_threshold: inputs.passThreshold, coverage_similarity: coverage.result?.similarity_threshold ?? null, cluster_similarity: coverage.result?.cluster_similarity ?? (cov.cluster_similarity === 'auto' ? null : cov.cluster_similarity) },
    notes: shadowTotal === 0 ? [...notes, 'the shadow set is empty'] : notes,
  };
}

/** The recommended human-scale estimate of the whole traffic, in the shape reports stored before it had. */
function correctedShadow(h: HumanScale | null): DriftReport['pass_rate']['corrected_shadow'] {
  const e = h?.recommended === undefined || h.recommended === null ? null : h.overall[h.recommended];
  return h === null || e === null ? null : { estimate: e.estimate, ci: [e.ci[0], e.ci[1]], judge: h.judge, n_calibration: h.n_calibration };
}

function formatQ(q: number): string {
  return q < 1e-4 ? q.toExponential(1) : q.toFixed(4);
}

/** Defaults overridden by the values a partial config actually sets (undefined keeps the default). */
function withDefaults<T extends object>(defaults: T, partial: { [K in keyof T]?: T[K] | undefined } | undefined): T {
  const out = { ...defaults };
  for (const [k, v] of Object.entries(partial ?? {})) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
