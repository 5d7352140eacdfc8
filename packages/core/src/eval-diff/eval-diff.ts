import { UsageError } from '../errors/touchstone-error.js';
import { goldDiff } from '../gold/gold-diff.js';
import type { Store } from '../store/store.js';
import type { DiffOptionsInput } from './diff-options.js';
import type { DiffReport, GoldCheck } from './diff-report.js';
import { diffRuns, noGoldCheck } from './diff-runs.js';
import type { EvalRun } from './eval-run.js';

export interface EvalDiffOptions extends DiffOptionsInput {
  /** Compare runs scored against different gold snapshots (and show the gold diff beside the score diff). */
  readonly allowGoldChange?: boolean;
  /** The gold set whose snapshots the runs cite (default: the one a stored run was recorded with). */
  readonly goldSet?: string;
}

/**
 * `touchstone diff`: refuses runs scored against different gold snapshots unless allowed; when
 * allowed and the store has both snapshots, attaches the gold diff and the overall comparison on
 * the items whose gold did not change, then runs the paired differential (`diffRuns`).
 * @throws UsageError GOLD_SNAPSHOT_CHANGED; StoreError when a named gold set or snapshot is missing
 */
export async function evalDiff(store: Store | undefined, baseline: EvalRun, candidate: EvalRun, options: EvalDiffOptions = {}): Promise<DiffReport> {
  const { allowGoldChange, goldSet, ...diffOptions } = options;
  const check = noGoldCheck(baseline, candidate);
  if (check.status !== 'changed') return diffRuns(baseline, candidate, diffOptions);
  const a = check.baseline_snapshot ?? '';
  const b = check.candidate_snapshot ?? '';
  if (allowGoldChange !== true) {
    throw new UsageError(
      'GOLD_SNAPSHOT_CHANGED',
      `the runs were scored against different gold snapshots (baseline "${a}", candidate "${b}"): a score change caused by relabeled gold is not a model change. Re-score both runs against one snapshot, or pass --allow-gold-change to compare anyway with the gold diff shown beside the score diff`,
    );
  }
  const set = goldSet ?? check.gold_set;
  if (set === null || store === undefined) {
    return diffRuns(baseline, candidate, diffOptions, {
      check: { ...check, note: `gold changed from "${a}" to "${b}"; pass --gold NAME (with the store holding both snapshots) to see which items were relabeled` },
      affected: new Set(),
    });
  }
  const gd = await goldDiff(store, set, a, b);
  const affected = new Set([...gd.added, ...gd.removed, ...gd.relabeled].map((r) => r.item_id));
  const withDiff: GoldCheck = {
    ...check,
    gold_set: set,
    diff: {
      added: gd.counts.added,
      removed: gd.counts.removed,
      relabeled: gd.counts.relabeled,
      pass_flips: gd.counts.pass_flips,
      relabeled_examples: gd.relabeled.slice(0, 10).map((r) => ({ item_id: r.item_id, from: r.from, to: r.to })),
      paired_items_affected: 0,
    },
    note: `gold changed from "${a}" to "${b}": compare the overall delta with the one on items whose gold did not change`,
  };
  return diffRuns(baseline, candidate, diffOptions, { check: withDiff, affected });
}
