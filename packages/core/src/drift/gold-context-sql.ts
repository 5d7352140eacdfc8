import { literal } from '../store/sql.js';
import type { TrafficWindow } from '../shadow/shadow-sql.js';

/**
 * Gold items' own metadata, trace id and embedding (each item's latest label that carries one), with
 * the metadata and embedding of the production request the trace id names when it is in the store
 * (matched on the request's id or its source_ref). Only items with any of them are returned.
 */
export function goldContextSql(goldSet: string): string {
  return `WITH l AS (
      SELECT item_id,
        arg_max(metadata, seq) FILTER (WHERE metadata IS NOT NULL) AS metadata,
        arg_max(trace_id, seq) FILTER (WHERE trace_id IS NOT NULL) AS trace_id,
        arg_max(embedding, seq) FILTER (WHERE embedding IS NOT NULL) AS embedding
      FROM current_labels WHERE gold_set = ${literal(goldSet)} GROUP BY item_id
      HAVING count(metadata) + count(trace_id) + count(embedding) > 0),
    t AS (
      SELECT coalesce(tr.id, tr.source_ref) AS ref, arg_max(tr.metadata, tr.seq) AS metadata, arg_max(tr.embedding, tr.seq) AS embedding
      FROM traffic tr WHERE tr.id IN (SELECT trace_id FROM l) OR tr.source_ref IN (SELECT trace_id FROM l) GROUP BY ALL)
    SELECT l.item_id, l.metadata, l.trace_id, l.embedding, t.ref IS NOT NULL AS trace_found,
      t.metadata AS trace_metadata, t.embedding AS trace_embedding
    FROM l LEFT JOIN t ON t.ref = l.trace_id ORDER BY l.item_id`;
}

/**
 * Per metadata key, the window's requests per value (top-k by window count, then "(other)") and how
 * many of them carry a value that no gold item of half A has, or no gold item at all. `gold` lists
 * each gold item's value per key with its half (A: even position, B: odd), as in outside-reference.ts.
 */
export function windowVsGoldMetadataSql(gold: readonly { key: string; value: string; half: 'A' | 'B' }[], window: TrafficWindow, topK: number): string {
  const keys = [...new Set(gold.map((g) => g.key))].sort();
  const paths = keys.map((k) => literal(`$."${k.replaceAll('"', '')}"`)).join(', ');
  const goldValues = [...new Set(gold.map((g) => `(${literal(g.key)}, ${literal(g.value)}, ${literal(g.half)})`))].join(', ');
  return `WITH g(key, val, half) AS (VALUES ${goldValues}),
    ga AS (SELECT DISTINCT key, val, true AS in_a FROM g WHERE half = 'A'),
    gall AS (SELECT DISTINCT key, val, true AS in_gold FROM g),
    v AS (
      SELECT unnest([${keys.map(literal).join(', ')}]) AS key, unnest(json_extract_string(metadata, [${paths}])) AS val
      FROM traffic
      WHERE ts >= ${literal(window.start)}::TIMESTAMPTZ AND ts < ${literal(window.end)}::TIMESTAMPTZ AND metadata IS NOT NULL),
    per AS (SELECT key, val, count(*) AS n FROM v WHERE val IS NOT NULL GROUP BY key, val),
    flagged AS (
      SELECT per.*, coalesce(ga.in_a, false) AS in_a, coalesce(gall.in_gold, false) AS in_gold,
        row_number() OVER (PARTITION BY per.key ORDER BY per.n DESC, per.val) AS r
      FROM per LEFT JOIN ga USING (key, val) LEFT JOIN gall USING (key, val))
    SELECT key, CASE WHEN r <= ${Math.floor(topK)} THEN val ELSE '(other)' END AS value, sum(n) AS window,
      coalesce(sum(n) FILTER (WHERE NOT in_a), 0) AS not_in_a, coalesce(sum(n) FILTER (WHERE NOT in_gold), 0) AS not_in_gold,
      bool_and(NOT in_gold) AS unseen, min(r) AS rank
    FROM flagged GROUP BY ALL ORDER BY key, rank`;
}
