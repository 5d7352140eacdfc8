import { literal } from '../store/sql.js';

/** The SQL behind `provenance`, one query per section, all over the gold set's current labels. */
export function provenanceQueries(goldSet: string): Record<'labelers' | 'perItem' | 'labels' | 'guidelines' | 'outdated' | 'slices' | 'sessions' | 'batches', string> {
  const g = literal(goldSet);
  const current = `(SELECT * FROM current_labels WHERE gold_set = ${g})`;
  return {
    labelers: `WITH c AS ${current},
        tot AS (SELECT count(DISTINCT item_id) AS items, count(*) AS labels FROM c),
        sup AS (SELECT labeler_id, count(*) AS n FROM labels WHERE gold_set = ${g} GROUP BY labeler_id)
      SELECT c.labeler_id, count(*) AS n_labels, count(DISTINCT c.item_id) AS n_items,
        count(DISTINCT c.item_id) / any_value(tot.items) AS share, count(*) / any_value(tot.labels) AS label_share,
        any_value(sup.n) - count(*) AS n_superseded,
        min(c.labeled_at) AS first_labeled_at, max(c.labeled_at) AS last_labeled_at,
        list_sort(list_distinct(list(c.guideline_version))) AS guideline_versions,
        list_sort(list_distinct(list(c.slice))) AS slices, count(DISTINCT c.session_id) AS n_sessions
      FROM c, tot, sup WHERE sup.labeler_id = c.labeler_id
      GROUP BY c.labeler_id ORDER BY n_labels DESC, c.labeler_id`,
    perItem: `SELECT n, count(*) AS items FROM (SELECT item_id, count(*) AS n FROM ${current} GROUP BY item_id) GROUP BY n ORDER BY n`,
    // Current labels and items per label count come from perItem; this counts every row, superseded ones too.
    labels: `SELECT count(*) AS total_rows FROM labels WHERE gold_set = ${g}`,
    guidelines: `SELECT guideline_version AS version, count(*) AS n_labels, min(labeled_at) AS first_used
      FROM ${current} WHERE guideline_version IS NOT NULL GROUP BY guideline_version ORDER BY first_used, version`,
    outdated: `WITH c AS ${current},
        latest AS (SELECT guideline_version AS v FROM c WHERE guideline_version IS NOT NULL
                   GROUP BY guideline_version ORDER BY min(labeled_at) DESC, guideline_version DESC LIMIT 1)
      SELECT item_id FROM c GROUP BY item_id
      HAVING (SELECT count(*) FROM latest) > 0 AND count(*) FILTER (WHERE guideline_version = (SELECT v FROM latest)) = 0
      ORDER BY item_id`,
    slices: `SELECT slice, count(DISTINCT item_id) AS n_items FROM ${current} GROUP BY slice ORDER BY n_items DESC, slice`,
    sessions: `SELECT count(DISTINCT session_id) AS n FROM ${current}`,
    batches: `SELECT batch_id, kind, source_file, source_sha256, format, importer_version, actor, started_at,
        n_read, n_accepted, n_rejected, coalesce(n_skipped, 0) AS n_skipped, n_duplicates, n_inserted, supplied, skipped_reasons, labeler_map
      FROM batches WHERE gold_set = ${g} AND kind IN ('labels', 'traffic', 'judge') ORDER BY batch_id`,
  };
}
