import { sql, type Sql } from '@touchstone/core';

/** The full report of a gold set's newest drift-check run (drift_runs keeps it as JSON next to the summary columns). */
export function latestDriftReportSql(goldSet: string): Sql {
  return sql(`SELECT run_id, report FROM drift_runs WHERE gold_set = $1 ORDER BY run_id DESC LIMIT 1`, [goldSet]);
}

/** The judges with scores on a gold set, the most recently imported first. */
export function goldJudgesSql(goldSet: string): Sql {
  return sql(`SELECT judge FROM judge_scores WHERE gold_set = $1 GROUP BY judge ORDER BY max(batch_id) DESC, judge`, [goldSet]);
}
