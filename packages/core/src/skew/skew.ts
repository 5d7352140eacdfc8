import { UsageError } from '../errors/touchstone-error.js';
import { requireGoldSet } from '../gold/gold-set.js';
import type { Store } from '../store/store.js';
import { analyzeSkew } from './analyze-skew.js';
import { loadSkewData } from './load-skew-data.js';
import { SkewOptionsSchema, type SkewOptions } from './skew-options.js';
import type { SkewReport } from './skew-report.js';

/**
 * Labeler skew of a gold set: agreement (Krippendorff's alpha, Fleiss' kappa, Gwet's AC1/AC2,
 * pairwise Cohen's kappa, with bootstrap intervals), Dawid–Skene, leniency and severity per labeler
 * and labeler × slice against peers (permutation tests, Benjamini–Hochberg), drift and fatigue,
 * leave-one-labeler-out impact and concentration. Aggregation runs in DuckDB; the statistics on typed arrays.
 * @throws StoreError GOLD_NOT_FOUND when the gold set does not exist; UsageError BAD_SKEW_OPTION on a bad option
 * @example const report = await skew(store, { goldSet: 'support', alpha: 0.05, permutations: 1000, seed: 1 })
 */
export async function skew(store: Store, options: SkewOptions): Promise<SkewReport> {
  const parsed = SkewOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError('BAD_SKEW_OPTION', `skew: option ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`);
  }
  const resolved = parsed.data;
  const gold = await requireGoldSet(store, resolved.goldSet);
  const data = await loadSkewData(store, gold.scale, { goldSet: resolved.goldSet });
  return analyzeSkew(data, resolved);
}
