import { z } from 'zod';
import { StoreError } from '../errors/touchstone-error.js';
import type { Store } from '../store/store.js';
import { PassRuleSchema } from '../drift/judge-pass-rule.js';

export const ShadowParamsSchema = z.object({
  window: z.string(),
  size: z.number(),
  stratify_by: z.string(),
  allocation: z.enum(['proportional', 'neyman']),
  seed: z.string(),
  dedupe_threshold: z.number(),
  pass_threshold: z.number(),
  /** Where pass_threshold came from (flag, config, gold set); absent on sets stored before it was recorded. */
  pass_rule: PassRuleSchema.optional(),
  pii_rules: z.array(z.string()),
  /** Where the traffic was read from when not the store (e.g. `clickhouse:db.table`); absent for the store's own. */
  source: z.string().optional(),
});
export type ShadowParams = z.infer<typeof ShadowParamsSchema>;

/** A stored shadow set with its provenance. */
export const ShadowSetSchema = z.object({
  shadow_id: z.string(),
  gold_set: z.string(),
  version: z.number(),
  created_at: z.string(),
  actor: z.string(),
  window_start: z.string(),
  window_end: z.string(),
  params: ShadowParamsSchema,
  /** Traffic rows in the window. */
  n_window: z.number(),
  /** Rows drawn before near-duplicate removal. */
  n_candidates: z.number(),
  n_duplicates: z.number(),
  n_items: z.number(),
  /** Matches replaced per PII rule, over inputs, outputs and metadata. */
  redactions: z.record(z.string(), z.number()),
  /** Import batches the sampled rows came from. */
  source_batches: z.array(z.number()),
  /** SHA-256 of the parameters, window and every item's content: equal hashes, equal sets. */
  content_hash: z.string(),
  strata: z.array(z.object({ stratum: z.string(), n_window: z.number(), n_items: z.number() })),
  /**
   * Kish's effective sample size (Σw)²/Σw² of the items' weights (window requests each stands for):
   * the size of a simple random sample with the same precision for a weighted share.
   */
  n_effective: z.number(),
  /** True when an identical set (same content hash) already existed and was returned instead of a copy. */
  reused: z.boolean(),
});
export type ShadowSet = z.infer<typeof ShadowSetSchema>;

const COLUMNS = `shadow_id, gold_set, version, created_at, actor, window_start, window_end, params, n_window, n_candidates,
  n_duplicates, n_items, redactions, source_batches, content_hash`;

async function withStrata(store: Store, row: Record<string, unknown>, reused: boolean): Promise<ShadowSet> {
  const strata = await store.all<{ stratum: string; n_items: number; w: number; w2: number }>({
    sql: `SELECT stratum, count(*) AS n_items, round(sum(weight)) AS n_window, sum(weight) AS w, sum(weight * weight) AS w2
      FROM shadow_items WHERE shadow_id = $1 GROUP BY stratum ORDER BY stratum`,
    params: [String(row['shadow_id'])],
  });
  const w = strata.reduce((a, h) => a + h.w, 0);
  const w2 = strata.reduce((a, h) => a + h.w2, 0);
  return ShadowSetSchema.parse({
    ...row,
    params: JSON.parse(String(row['params'])) as unknown,
    redactions: JSON.parse(String(row['redactions'])) as unknown,
    source_batches: JSON.parse(String(row['source_batches'])) as unknown,
    strata: strata.map(({ w: _w, w2: _w2, ...h }) => h),
    n_effective: w2 > 0 ? (w * w) / w2 : 0,
    reused,
  });
}

/** A shadow set by id, or undefined. */
export async function findShadowSet(store: Store, shadowId: string, reused = false): Promise<ShadowSet | undefined> {
  const rows = await store.all({ sql: `SELECT ${COLUMNS} FROM shadow_sets WHERE shadow_id = $1`, params: [shadowId] });
  return rows[0] === undefined ? undefined : withStrata(store, rows[0], reused);
}

/** The shadow set `shadowId`, or the newest of the gold set when no id is given; a StoreError says how to make one. */
export async function requireShadowSet(store: Store, goldSet: string, shadowId?: string): Promise<ShadowSet> {
  if (shadowId !== undefined) {
    const found = await findShadowSet(store, shadowId);
    if (found === undefined) throw new StoreError('SHADOW_NOT_FOUND', `no shadow set "${shadowId}" in ${store.path} (list them: touchstone shadow list --gold ${goldSet})`);
    if (found.gold_set !== goldSet) throw new StoreError('SHADOW_OTHER_GOLD', `shadow set "${shadowId}" was built for gold set "${found.gold_set}", not "${goldSet}"`);
    return found;
  }
  const rows = await store.all({ sql: `SELECT ${COLUMNS} FROM shadow_sets WHERE gold_set = $1 ORDER BY version DESC LIMIT 1`, params: [goldSet] });
  if (rows[0] === undefined) {
    throw new StoreError('SHADOW_NONE', `gold set "${goldSet}" has no shadow set yet: touchstone shadow build --gold ${goldSet} --window 7d`);
  }
  return withStrata(store, rows[0], false);
}

export async function listShadowSets(store: Store, goldSet?: string): Promise<ShadowSet[]> {
  const rows = await store.all({
    sql: `SELECT ${COLUMNS} FROM shadow_sets ${goldSet === undefined ? '' : 'WHERE gold_set = $1'} ORDER BY gold_set, version`,
    params: goldSet === undefined ? [] : [goldSet],
  });
  return Promise.all(rows.map((r) => withStrata(store, r, false)));
}
