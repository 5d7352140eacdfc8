/**
 * The side tables whose content feeds a conclusion and is not row-hashed like labels/traffic/judge
 * scores: each is sealed per owner (a gold set, a snapshot, a shadow set, a run) by the chained event
 * that wrote it, as one digest per column (see state-manifest.ts). `owner` is a SQL expression naming
 * the record; `order` orders rows within an owner.
 */
export type CoveredTable = 'gold_sets' | 'items' | 'snapshots' | 'shadow_sets' | 'shadow_items' | 'drift_runs' | 'eval_runs' | 'eval_run_items';

export interface CoveredTableSpec {
  readonly owner: string;
  readonly order: string;
  readonly columns: readonly string[];
}

export const COVERED_TABLES: Record<CoveredTable, CoveredTableSpec> = {
  gold_sets: { owner: 'name', order: 'name', columns: ['name', 'scale', 'scale_inferred', 'created_at', 'created_batch'] },
  items: { owner: 'gold_set', order: 'item_id', columns: ['gold_set', 'item_id', 'input', 'output', 'reference', 'batch_id'] },
  snapshots: {
    owner: `gold_set || ' @ ' || tag`,
    order: 'tag',
    columns: ['gold_set', 'tag', 'created_at', 'actor', 'max_seq', 'excluded_labelers', 'n_items', 'n_labels', 'content_hash', 'excluded_guideline'],
  },
  shadow_sets: {
    owner: 'shadow_id',
    order: 'shadow_id',
    columns: ['shadow_id', 'gold_set', 'version', 'created_at', 'actor', 'window_start', 'window_end', 'window_spec', 'params', 'seed',
      'n_window', 'n_candidates', 'n_duplicates', 'n_items', 'redactions', 'source_batches', 'content_hash'],
  },
  shadow_items: {
    owner: 'shadow_id',
    order: 'item_id',
    columns: ['shadow_id', 'item_id', 'traffic_seq', 'traffic_id', 'ts', 'stratum', 'weight', 'input', 'output', 'slice', 'judge_score',
      'metadata', 'input_chars', 'output_chars', 'batch_id', 'embedding'],
  },
  drift_runs: {
    owner: 'CAST(run_id AS VARCHAR)',
    order: 'run_id',
    columns: ['run_id', 'gold_set', 'shadow_id', 'started_at', 'finished_at', 'actor', 'window_start', 'window_end', 'status', 'n_alerts',
      'pass_rate_gold', 'pass_rate_shadow', 'pass_rate_diff', 'uncovered_share', 'report'],
  },
  eval_runs: {
    owner: 'name',
    order: 'name',
    columns: ['name', 'metric', 'gold_set', 'gold_snapshot', 'n_items', 'n_slices', 'pass_rate', 'mean_score', 'source_file', 'source_sha256',
      'format', 'actor', 'recorded_at'],
  },
  eval_run_items: { owner: 'run_name', order: 'item_id', columns: ['run_name', 'item_id', 'slice', 'pass', 'score', 'source_record'] },
};

export const COVERED_TABLE_NAMES = Object.keys(COVERED_TABLES) as CoveredTable[];

/** One table's rows of one owner, as a chained event names them. */
export interface Coverage {
  readonly table: CoveredTable;
  readonly owner: string;
}
