import { sql, type Sql } from '../store/sql.js';

/** SQL of the eval-run history (tables `eval_runs`, `eval_run_items`), built apart from where it runs. */
export const runSql = {
  /** Whether the store has the eval-run tables (a store created before them, opened read-only, has not). */
  tablesExist: (): Sql => sql(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name IN ('eval_runs', 'eval_run_items')`),
  find: (name: string): Sql => sql(`SELECT * FROM eval_runs WHERE name = $1`, [name]),
  list: (): Sql => sql(`SELECT * FROM eval_runs ORDER BY recorded_at, name`),
  names: (): Sql => sql(`SELECT name FROM eval_runs ORDER BY recorded_at DESC, name LIMIT 20`),
  items: (name: string): Sql => sql(`SELECT item_id, slice, pass, score, source_record AS line FROM eval_run_items WHERE run_name = $1 ORDER BY source_record`, [name]),
  insertRun: (r: {
    name: string; metric: string; gold_set: string | null; gold_snapshot: string | null; n_items: number; n_slices: number;
    pass_rate: number | null; mean_score: number | null; source_file: string; source_sha256: string; format: string; actor: string;
  }): Sql =>
    sql(`INSERT INTO eval_runs VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())`, [
      r.name, r.metric, r.gold_set, r.gold_snapshot, r.n_items, r.n_slices, r.pass_rate, r.mean_score, r.source_file, r.source_sha256, r.format, r.actor,
    ]),
  /** Copies the staged items (a temp table filled by an appender) into the run's rows. */
  insertItems: (name: string, stage: string): Sql =>
    sql(`INSERT INTO eval_run_items SELECT $1 AS run_name, item_id, slice, pass, score, source_record FROM temp.${stage}`, [name]),
};

