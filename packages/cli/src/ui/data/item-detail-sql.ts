import { consensusSql, sql, type Sql } from '@touchstone/core';
import type { Scale } from '@touchstone/core/schemas';

/** The SQL behind an item's drill-in: its texts, its consensus, every label ever recorded for it with its batch, its judge scores. */
export function itemDetailQueries(scale: Scale, goldSet: string, itemId: string): Record<'text' | 'consensus' | 'history' | 'judge', Sql> {
  const params = [goldSet, itemId];
  return {
    text: sql(`SELECT input, output, reference, batch_id FROM items WHERE gold_set = $1 AND item_id = $2`, params),
    consensus: sql(`SELECT * FROM (${consensusSql(scale, { goldSet })}) WHERE item_id = $1`, [itemId]),
    // `superseded`: a later label by the same labeler replaced this one (relabel history).
    history: sql(`SELECT l.seq, l.labeler_id, l.label_value, l.label_text, strftime(l.labeled_at, '%Y-%m-%dT%H:%M:%SZ') AS labeled_at,
        l.slice, l.guideline_version, l.session_id, l.rationale, l.source_ref, l.batch_id,
        b.source_file, b.format, b.actor, strftime(b.started_at, '%Y-%m-%dT%H:%M:%SZ') AS imported_at,
        l.seq < max(l.seq) OVER (PARTITION BY l.labeler_id) AS superseded
      FROM labels l JOIN batches b USING (batch_id)
      WHERE l.gold_set = $1 AND l.item_id = $2
      ORDER BY l.labeled_at, l.seq`, params),
    judge: sql(`SELECT judge, score_value, score_text, strftime(scored_at, '%Y-%m-%dT%H:%M:%SZ') AS scored_at, batch_id
      FROM judge_scores WHERE gold_set = $1 AND item_id = $2 ORDER BY judge, seq`, params),
  };
}
