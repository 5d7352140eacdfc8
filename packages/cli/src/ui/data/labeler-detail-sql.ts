import { consensusSql, sql, type Sql } from '@touchstone/core';
import type { Scale } from '@touchstone/core/schemas';
import { scoreSql } from './score-sql.js';

/**
 * The SQL behind a labeler's drill-in, one query per section. `mine` holds the labeler's current
 * labels with `resid`: their score minus the mean score of the other labelers of the same item
 * (NULL on items nobody else labeled), so item difficulty cancels out of the comparisons.
 */
export function labelerDetailQueries(scale: Scale, goldSet: string, labelerId: string): Record<'slices' | 'timeline' | 'fatigue' | 'guidelines' | 'dependent', Sql> {
  const base = `WITH c AS (SELECT item_id, labeler_id, slice, labeled_at, seq, session_id, guideline_version, ${scoreSql(scale)} AS score
        FROM current_labels WHERE gold_set = $1),
      others AS (SELECT item_id, avg(score) AS mean_other FROM c WHERE labeler_id <> $2 GROUP BY item_id),
      mine AS (SELECT c.*, c.score - o.mean_other AS resid FROM c LEFT JOIN others o USING (item_id) WHERE c.labeler_id = $2)`;
  const params = [goldSet, labelerId];
  const withLabeler = consensusSql(scale, { goldSet });
  const withoutLabeler = consensusSql(scale, { goldSet, excludeLabelers: [labelerId] });
  return {
    slices: sql(`${base}
      SELECT slice, count(*) AS n_labels, count(resid) AS n_compared, avg(resid) AS mean_diff, stddev_samp(resid) AS sd_diff, avg(score) AS mean_score
      FROM mine GROUP BY slice ORDER BY n_labels DESC, slice`, params),
    timeline: sql(`${base}
      SELECT strftime(date_trunc('week', labeled_at), '%Y-%m-%d') AS week, count(*) AS n, avg(score) AS mean_score, avg(resid) AS mean_diff
      FROM mine GROUP BY 1 ORDER BY 1`, params),
    // Position counts every label the labeler made in the session, superseded ones included: it is about when they labeled.
    fatigue: sql(`${base},
      pos AS (SELECT seq, row_number() OVER (PARTITION BY session_id ORDER BY labeled_at, seq) AS position
        FROM labels WHERE gold_set = $1 AND labeler_id = $2 AND session_id IS NOT NULL)
      SELECT pos.position, count(*) AS n, count(resid) AS n_compared, avg(resid) AS mean_diff, avg(score) AS mean_score
      FROM mine JOIN pos USING (seq) GROUP BY pos.position ORDER BY pos.position`, params),
    guidelines: sql(`${base}
      SELECT guideline_version, count(*) AS n_labels, strftime(min(labeled_at), '%Y-%m-%d') AS first_used, strftime(max(labeled_at), '%Y-%m-%d') AS last_used
      FROM mine GROUP BY guideline_version ORDER BY min(labeled_at), guideline_version`, params),
    // Items whose consensus pass/fail changes (or becomes a tie) without this labeler, and items only they labeled.
    dependent: sql(`WITH w AS (${withLabeler}), wo AS (${withoutLabeler}),
        m AS (SELECT DISTINCT item_id FROM current_labels WHERE gold_set = $1 AND labeler_id = $2)
      SELECT m.item_id, w.slice, w.n_labels, w.pass AS pass_with, wo.pass AS pass_without, wo.item_id IS NULL AS sole
      FROM m JOIN w USING (item_id) LEFT JOIN wo USING (item_id)
      WHERE wo.item_id IS NULL OR w.pass IS DISTINCT FROM wo.pass
      ORDER BY sole, m.item_id`, params),
  };
}
