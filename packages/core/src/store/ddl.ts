/**
 * The store's tables. Labels, traffic and judge scores are append-only; a relabel is a new row
 * whose higher `seq` supersedes the older row of the same (gold_set, item_id, labeler_id).
 * No PRIMARY KEY on the large tables: DuckDB's ART index would slow bulk ingest, and `verify`
 * checks uniqueness of `seq` itself. `source_ref` keeps a record's identity in the tool it was
 * imported from (Label Studio task/annotation ids, a Langfuse score id, …), NULL for own-format files.
 */
export const SCHEMA_VERSION = 1;

export const DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS gold_sets (
     name VARCHAR PRIMARY KEY, scale VARCHAR NOT NULL, scale_inferred BOOLEAN NOT NULL,
     created_at TIMESTAMPTZ NOT NULL, created_batch BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS batches (
     batch_id BIGINT PRIMARY KEY, kind VARCHAR NOT NULL, gold_set VARCHAR, judge VARCHAR,
     source_file VARCHAR NOT NULL, source_sha256 VARCHAR NOT NULL, format VARCHAR NOT NULL,
     importer_version VARCHAR NOT NULL, actor VARCHAR NOT NULL,
     started_at TIMESTAMPTZ NOT NULL, finished_at TIMESTAMPTZ NOT NULL,
     n_read BIGINT NOT NULL, n_accepted BIGINT NOT NULL, n_rejected BIGINT NOT NULL,
     n_duplicates BIGINT NOT NULL, n_inserted BIGINT NOT NULL,
     field_map VARCHAR, supplied VARCHAR, first_seq BIGINT, last_seq BIGINT,
     merkle_root VARCHAR NOT NULL, prev_hash VARCHAR NOT NULL, hash VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS labels (
     seq BIGINT NOT NULL, gold_set VARCHAR NOT NULL, item_id VARCHAR NOT NULL, labeler_id VARCHAR NOT NULL,
     label_value DOUBLE, label_text VARCHAR, labeled_at TIMESTAMPTZ NOT NULL,
     slice VARCHAR, guideline_version VARCHAR, session_id VARCHAR, rationale VARCHAR,
     batch_id BIGINT NOT NULL, source_record BIGINT NOT NULL, row_hash VARCHAR NOT NULL, source_ref VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS items (
     gold_set VARCHAR NOT NULL, item_id VARCHAR NOT NULL, input VARCHAR, output VARCHAR, reference VARCHAR,
     batch_id BIGINT NOT NULL, PRIMARY KEY (gold_set, item_id))`,
  `CREATE TABLE IF NOT EXISTS traffic (
     seq BIGINT NOT NULL, id VARCHAR NOT NULL, ts TIMESTAMPTZ NOT NULL, input VARCHAR NOT NULL, output VARCHAR,
     slice VARCHAR, judge_score DOUBLE, metadata VARCHAR, batch_id BIGINT NOT NULL, source_record BIGINT NOT NULL,
     row_hash VARCHAR NOT NULL, source_ref VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS judge_scores (
     seq BIGINT NOT NULL, gold_set VARCHAR, item_id VARCHAR NOT NULL, judge VARCHAR NOT NULL,
     score_value DOUBLE, score_text VARCHAR, scored_at TIMESTAMPTZ, rationale VARCHAR,
     batch_id BIGINT NOT NULL, source_record BIGINT NOT NULL, row_hash VARCHAR NOT NULL, source_ref VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS snapshots (
     gold_set VARCHAR NOT NULL, tag VARCHAR NOT NULL, created_at TIMESTAMPTZ NOT NULL, actor VARCHAR NOT NULL,
     max_seq BIGINT NOT NULL, excluded_labelers VARCHAR NOT NULL, n_items BIGINT NOT NULL, n_labels BIGINT NOT NULL,
     content_hash VARCHAR NOT NULL, PRIMARY KEY (gold_set, tag))`,
  // Stores created before source_ref existed gain the column (NULL: their rows had no tool identity).
  `ALTER TABLE labels ADD COLUMN IF NOT EXISTS source_ref VARCHAR`,
  `ALTER TABLE traffic ADD COLUMN IF NOT EXISTS source_ref VARCHAR`,
  `ALTER TABLE judge_scores ADD COLUMN IF NOT EXISTS source_ref VARCHAR`,
  // Batch hash v2 (issue 12): every column is hashed; `state` seals the side-table rows an event
  // wrote, `detail` holds a non-ingest event's particulars. Older batches keep NULL (hash v1).
  `ALTER TABLE batches ADD COLUMN IF NOT EXISTS state VARCHAR`,
  `ALTER TABLE batches ADD COLUMN IF NOT EXISTS detail VARCHAR`,
  `ALTER TABLE batches ADD COLUMN IF NOT EXISTS hash_version INTEGER`,
  `ALTER TABLE batches ADD COLUMN IF NOT EXISTS field_tags VARCHAR`,
  // Item metadata, the production trace an item was sampled from, and precomputed embeddings (JSON
  // text); NULL in stores and rows from before they existed (row-hash.ts hashes them only when set).
  `ALTER TABLE labels ADD COLUMN IF NOT EXISTS metadata VARCHAR`,
  `ALTER TABLE labels ADD COLUMN IF NOT EXISTS trace_id VARCHAR`,
  `ALTER TABLE labels ADD COLUMN IF NOT EXISTS embedding VARCHAR`,
  `ALTER TABLE traffic ADD COLUMN IF NOT EXISTS embedding VARCHAR`,
  // Issue 14: what an importer read but did not import (n_skipped, by reason), and the labeler
  // aliases an ingest resolved (--labeler-map), kept on the batch under its hash. Older batches: 0 and NULL.
  `ALTER TABLE batches ADD COLUMN IF NOT EXISTS n_skipped BIGINT DEFAULT 0`,
  `ALTER TABLE batches ADD COLUMN IF NOT EXISTS skipped_reasons VARCHAR`,
  `ALTER TABLE batches ADD COLUMN IF NOT EXISTS labeler_map VARCHAR`,
  // gold snapshot --exclude-guideline (issue 17): JSON {versions, slice}; NULL on older snapshots and when unused.
  `ALTER TABLE snapshots ADD COLUMN IF NOT EXISTS excluded_guideline VARCHAR`,
  `CREATE OR REPLACE VIEW current_labels AS
     SELECT * EXCLUDE (rn) FROM (
       SELECT *, row_number() OVER (PARTITION BY gold_set, item_id, labeler_id ORDER BY seq DESC) AS rn FROM labels)
     WHERE rn = 1`,
  // Eval runs recorded for `touchstone diff` (issue 8): one row per run, one per item and run.
  `CREATE TABLE IF NOT EXISTS eval_runs (
     name VARCHAR PRIMARY KEY, metric VARCHAR NOT NULL, gold_set VARCHAR, gold_snapshot VARCHAR,
     n_items BIGINT NOT NULL, n_slices BIGINT NOT NULL, pass_rate DOUBLE, mean_score DOUBLE,
     source_file VARCHAR NOT NULL, source_sha256 VARCHAR NOT NULL, format VARCHAR NOT NULL,
     actor VARCHAR NOT NULL, recorded_at TIMESTAMPTZ NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS eval_run_items (
     run_name VARCHAR NOT NULL, item_id VARCHAR NOT NULL, slice VARCHAR, pass BOOLEAN, score DOUBLE,
     source_record BIGINT NOT NULL, PRIMARY KEY (run_name, item_id))`,
  // Shadow sets drawn from traffic, and the drift-check run history (issue 4).
  `CREATE TABLE IF NOT EXISTS shadow_sets (
     shadow_id VARCHAR PRIMARY KEY, gold_set VARCHAR NOT NULL, version INTEGER NOT NULL,
     created_at TIMESTAMPTZ NOT NULL, actor VARCHAR NOT NULL, window_start TIMESTAMPTZ NOT NULL,
     window_end TIMESTAMPTZ NOT NULL, window_spec VARCHAR NOT NULL, params VARCHAR NOT NULL, seed VARCHAR NOT NULL,
     n_window BIGINT NOT NULL, n_candidates BIGINT NOT NULL, n_duplicates BIGINT NOT NULL, n_items BIGINT NOT NULL,
     redactions VARCHAR NOT NULL, source_batches VARCHAR NOT NULL, content_hash VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS shadow_items (
     shadow_id VARCHAR NOT NULL, item_id VARCHAR NOT NULL, traffic_seq BIGINT NOT NULL, traffic_id VARCHAR NOT NULL,
     ts TIMESTAMPTZ NOT NULL, stratum VARCHAR NOT NULL, weight DOUBLE NOT NULL, input VARCHAR NOT NULL, output VARCHAR,
     slice VARCHAR, judge_score DOUBLE, metadata VARCHAR, input_chars INTEGER NOT NULL, output_chars INTEGER,
     batch_id BIGINT NOT NULL, PRIMARY KEY (shadow_id, item_id))`,
  `ALTER TABLE shadow_items ADD COLUMN IF NOT EXISTS embedding VARCHAR`,
  `CREATE TABLE IF NOT EXISTS drift_runs (
     run_id BIGINT PRIMARY KEY, gold_set VARCHAR NOT NULL, shadow_id VARCHAR NOT NULL, started_at TIMESTAMPTZ NOT NULL,
     finished_at TIMESTAMPTZ NOT NULL, actor VARCHAR NOT NULL, window_start TIMESTAMPTZ NOT NULL,
     window_end TIMESTAMPTZ NOT NULL, status VARCHAR NOT NULL, n_alerts INTEGER NOT NULL, pass_rate_gold DOUBLE,
     pass_rate_shadow DOUBLE, pass_rate_diff DOUBLE, uncovered_share DOUBLE, report VARCHAR NOT NULL)`,
];
