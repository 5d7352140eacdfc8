import { consensusSql, sql, type Sql } from '@touchstone/core';
import type { Scale } from '@touchstone/core/schemas';
import type { ItemQuery } from './item-query.js';

/**
 * Items of a gold set matching a search, with their label count, consensus and the start of the
 * input text; `n_matches` is the total before the limit. Text matching is a lower-cased substring
 * test over item id, input and output (no LIKE wildcards to escape).
 */
export function itemSearchSql(scale: Scale, goldSet: string, query: ItemQuery, limit: number): Sql {
  return sql(`WITH ids AS (
        SELECT item_id, mode(slice) AS slice, count(*) AS n_labels, list(labeler_id) AS labelers
        FROM current_labels WHERE gold_set = $1 GROUP BY item_id),
      con AS (${consensusSql(scale, { goldSet })})
    SELECT ids.item_id, ids.slice, ids.n_labels, con.consensus_value, con.consensus_text, con.pass,
      left(coalesce(i.input, ''), 240) AS input, count(*) OVER () AS n_matches
    FROM ids LEFT JOIN items i ON i.gold_set = $1 AND i.item_id = ids.item_id
      LEFT JOIN con ON con.item_id = ids.item_id
    WHERE ($2 = '' OR contains(lower(ids.item_id), $2) OR contains(lower(coalesce(i.input, '')), $2) OR contains(lower(coalesce(i.output, '')), $2))
      AND ($3::VARCHAR IS NULL OR ids.slice = $3)
      AND ($4::VARCHAR IS NULL OR list_contains(ids.labelers, $4))
    ORDER BY ids.item_id
    LIMIT ${Math.max(1, Math.floor(limit))}`, [goldSet, query.text.toLowerCase(), query.slice, query.labeler]);
}
