import { parseDuration } from '../config/duration.js';
import type { DriftConfig } from '../drift/drift-config.js';
import { resolvePassRule } from '../drift/judge-pass-rule.js';
import { DataError, UsageError } from '../errors/touchstone-error.js';
import { requireGoldSet } from '../gold/gold-set.js';
import { createRedactor, type PiiConfig } from '../pii/redact.js';
import type { Store } from '../store/store.js';
import { allocate } from './allocation.js';
import { contentHash } from './content-hash.js';
import { insertShadowSet } from './insert-shadow-set.js';
import { sampleWindow } from './sample-window.js';
import { findShadowSet, type ShadowParams, type ShadowSet } from './shadow-set.js';
import type { TrafficWindow } from './shadow-sql.js';
import { storeTrafficSource } from '../traffic-source/store-traffic-source.js';
import type { TrafficSource } from '../traffic-source/traffic-source.js';
import { hashedContent, redactCandidate, type ShadowItem } from './shadow-item.js';

export interface BuildShadowOptions {
  readonly goldSet: string;
  /** Window length, e.g. `7d`. */
  readonly window: string;
  /** End of the window (exclusive), ISO 8601. */
  readonly now: string;
  readonly size?: number;
  readonly stratifyBy?: string;
  readonly seed?: string | number;
  readonly allocation?: 'proportional' | 'neyman';
  readonly dedupeThreshold?: number;
  /**
   * --pass-threshold, on the judge's scale: overrides drift.pass_threshold and the gold set's own pass
   * rule, which otherwise decide when a judge score passes (Neyman's per-stratum variance), as in drift-check.
   */
  readonly passThresholdFlag?: number;
  /** drift.pass_threshold / drift.judge_scale of touchstone.config.json. */
  readonly drift?: Pick<DriftConfig, 'pass_threshold' | 'judge_scale'>;
  readonly pii?: PiiConfig;
  readonly actor: string;
  /** Where the traffic is read from (default: the store's traffic table). */
  readonly source?: TrafficSource;
}

export const SHADOW_DEFAULTS = { size: 500, stratifyBy: 'slice', seed: '0', allocation: 'proportional', dedupeThreshold: 0.8 } as const;

/**
 * Builds a shadow set from the traffic in [now − window, now): counts rows per stratum in SQL,
 * allocates the sample (proportional or Neyman, whose per-stratum spread counts judge passes under the
 * gold set's pass rule unless a flag or the config overrides it), draws each stratum in a seeded order, removes
 * near-duplicates, redacts PII, and stores the items with their provenance. The same traffic,
 * parameters and seed give the same content hash; an existing set with that hash is returned
 * (`reused: true`) rather than stored twice.
 * @throws UsageError on a bad window or time; DataError when the window holds no traffic
 */
export async function buildShadowSet(store: Store, options: BuildShadowOptions): Promise<ShadowSet> {
  const gold = await requireGoldSet(store, options.goldSet);
  // The rule drift-check's report applies, resolved the same way, so a set built here and one built by drift-check agree.
  const rule = resolvePassRule(gold.scale, { flag: options.passThresholdFlag, config: options.drift?.pass_threshold, judgeScale: options.drift?.judge_scale });
  const window = windowFor(options.window, options.now);
  const params: ShadowParams = {
    window: options.window,
    size: options.size ?? SHADOW_DEFAULTS.size,
    stratify_by: options.stratifyBy ?? SHADOW_DEFAULTS.stratifyBy,
    allocation: options.allocation ?? SHADOW_DEFAULTS.allocation,
    seed: String(options.seed ?? SHADOW_DEFAULTS.seed),
    dedupe_threshold: options.dedupeThreshold ?? SHADOW_DEFAULTS.dedupeThreshold,
    pass_threshold: rule.threshold,
    pass_rule: rule,
    pii_rules: [],
  };
  const redactor = createRedactor(options.pii);
  params.pii_rules = [...redactor.rules];

  const source = options.source ?? storeTrafficSource(store);
  if (source.kind !== 'duckdb') params.source = source.description;
  const strata = await source.strata(window, params.stratify_by, params.pass_threshold);
  const nWindow = strata.reduce((s, h) => s + h.n, 0);
  if (nWindow === 0) {
    const span = await source.span();
    throw new DataError('SHADOW_EMPTY_WINDOW', `no traffic in the window ${window.start} … ${window.end}${span === undefined || span.n === 0 ? ' (the store has no traffic: touchstone ingest traffic FILE)' : ` (traffic spans ${span.lo ?? '?'} … ${span.hi ?? '?'}; pass --now)`}`);
  }
  const population = new Map(strata.map((h) => [h.stratum, h.n]));
  const allocation = allocate(
    strata.map((h) => {
      const p = h.n_scored > 0 ? h.n_pass / h.n_scored : 0.5;
      return { key: h.stratum, size: h.n, sd: Math.sqrt(p * (1 - p)) };
    }),
    params.size,
    params.allocation,
  );
  const sample = await sampleWindow(source, window, params.stratify_by, params.seed, allocation, population, params.dedupe_threshold);
  const hits: Record<string, number> = {};
  const items: ShadowItem[] = sample.rows.map((r, i) => ({
    item_id: `s${String(i + 1).padStart(6, '0')}`,
    traffic_seq: r.seq,
    traffic_id: r.id,
    ts: r.ts,
    stratum: r.stratum,
    weight: r.weight,
    ...redactCandidate(r, redactor, hits),
    slice: r.slice,
    judge_score: r.judge_score,
    input_chars: r.input_chars,
    output_chars: r.output_chars,
    batch_id: r.batch_id,
    embedding: r.embedding,
  }));
  const hash = contentHash({ gold_set: options.goldSet, window, params }, items.map(hashedContent));
  const existing = await store.all<{ shadow_id: string }>({ sql: `SELECT shadow_id FROM shadow_sets WHERE gold_set = $1 AND content_hash = $2`, params: [options.goldSet, hash] });
  if (existing[0] !== undefined) {
    const found = await findShadowSet(store, existing[0].shadow_id, true);
    if (found !== undefined) return found;
  }
  const shadowId = `sh-${hash.slice(0, 12)}`;
  await insertShadowSet(store, {
    shadowId,
    goldSet: options.goldSet,
    actor: options.actor,
    window,
    params,
    nWindow,
    nCandidates: sample.nCandidates,
    nDuplicates: sample.nDuplicates,
    redactions: hits,
    sourceBatches: [...new Set(items.map((i) => i.batch_id))].sort((a, b) => a - b),
    contentHash: hash,
    items,
  });
  const stored = await findShadowSet(store, shadowId);
  if (stored === undefined) throw new DataError('SHADOW_NOT_STORED', `shadow set ${shadowId} was not stored`);
  return stored;
}

/** [now − window, now) as ISO strings. */
export function windowFor(spec: string, now: string): TrafficWindow {
  let ms: number;
  try {
    ms = parseDuration(spec);
  } catch (error) {
    throw new UsageError('BAD_WINDOW', `--window: ${error instanceof Error ? error.message : String(error)}`);
  }
  const end = Date.parse(now);
  if (!Number.isFinite(end)) throw new UsageError('BAD_NOW', `--now: "${now}" is not an ISO 8601 time`);
  return { start: new Date(end - ms).toISOString(), end: new Date(end).toISOString() };
}
