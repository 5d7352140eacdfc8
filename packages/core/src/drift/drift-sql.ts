import { consensusSql } from '../gold/consensus-sql.js';
import type { Scale } from '../schemas/scale.js';
import { literal } from '../store/sql.js';
import type { TrafficWindow } from '../shadow/shadow-sql.js';

/**
 * Gold items with their consensus pass, slice and text lengths (characters, as DuckDB's length()), and
 * `judge`'s latest score on each (null when no judge is named or it did not score the item).
 */
export function goldItemsSql(scale: Scale, goldSet: string, judge?: string): string {
  const scores = judge === undefined
    ? 'SELECT NULL::VARCHAR AS item_id, NULL::DOUBLE AS judge_score WHERE false'
    : `SELECT item_id, score_value AS judge_score FROM judge_scores WHERE gold_set = ${literal(goldSet)} AND judge = ${literal(judge)} AND score_value IS NOT NULL
          QUALIFY row_number() OVER (PARTITION BY item_id ORDER BY seq DESC) = 1`;
  return `SELECT c.item_id, c.slice, c.pass, i.input, length(i.input) AS input_chars, length(i.output) AS output_chars, j.judge_score
    FROM (${consensusSql(scale, { goldSet })}) c
    LEFT JOIN items i ON i.gold_set = ${literal(goldSet)} AND i.item_id = c.item_id
    LEFT JOIN (${scores}) j ON j.item_id = c.item_id
    ORDER BY c.item_id`;
}

export function shadowItemsSql(shadowId: string): string {
  return `SELECT item_id, slice, judge_score, weight, input, input_chars, output_chars, metadata
    FROM shadow_items WHERE shadow_id = ${literal(shadowId)} ORDER BY item_id`;
}

/** Requests per slice in the window, and each slice's latest request before it (one scan up to the window's end). */
export function windowSlicesSql(window: TrafficWindow): string {
  const start = `${literal(window.start)}::TIMESTAMPTZ`;
  return `SELECT slice, count(*) FILTER (WHERE ts >= ${start}) AS n_window, max(ts) FILTER (WHERE ts < ${start}) AS last_before
    FROM traffic WHERE ts < ${literal(window.end)}::TIMESTAMPTZ GROUP BY slice`;
}

/**
 * Metadata counts for several keys in one scan: per key, the top-k values (by baseline + window
 * requests) and "(other)", with requests in the baseline [baselineStart, start) and in the window,
 * requests in the window whose value is absent from the baseline, and the same for the baseline's
 * last window-length [turnoverStart, start) against the baseline before it (the usual turnover).
 * All keys' values are read with one multi-path json_extract_string, so each row's JSON is parsed once.
 */
export function metadataCountsSql(keys: readonly string[], window: TrafficWindow, baselineStart: string, turnoverStart: string, topK: number): string {
  const start = `${literal(window.start)}::TIMESTAMPTZ`;
  const turn = `${literal(turnoverStart)}::TIMESTAMPTZ`;
  const paths = keys.map((k) => literal(`$."${k.replaceAll('"', '')}"`)).join(', ');
  return `WITH v AS (
      SELECT ts, unnest([${keys.map(literal).join(', ')}]) AS key, unnest(json_extract_string(metadata, [${paths}])) AS val
      FROM traffic
      WHERE ts >= ${literal(baselineStart)}::TIMESTAMPTZ AND ts < ${literal(window.end)}::TIMESTAMPTZ AND metadata IS NOT NULL),
    per AS (
      SELECT key, val, min(ts) AS first_ts,
        count(*) FILTER (WHERE ts >= ${start}) AS n_win,
        count(*) FILTER (WHERE ts < ${start}) AS n_base,
        count(*) FILTER (WHERE ts >= ${turn} AND ts < ${start}) AS n_last
      FROM v WHERE val IS NOT NULL GROUP BY key, val),
    ranked AS (SELECT *, row_number() OVER (PARTITION BY key ORDER BY n_win + n_base DESC, val) AS r FROM per)
    SELECT key, CASE WHEN r <= ${Math.floor(topK)} THEN val ELSE '(other)' END AS value,
      sum(n_base) AS baseline, sum(n_win) AS window, bool_and(first_ts >= ${start}) AS unseen,
      coalesce(sum(n_win) FILTER (WHERE first_ts >= ${start}), 0) AS win_unseen,
      coalesce(sum(n_last) FILTER (WHERE first_ts >= ${turn}), 0) AS last_unseen,
      sum(n_last) AS last_total, min(r) AS rank
    FROM ranked GROUP BY ALL ORDER BY key, rank`;
}

/** Gold items' consensus pass next to one judge's latest score on them (a judge calibration). */
export function calibrationSql(scale: Scale, goldSet: string, judge: string): string {
  return `SELECT c.pass, j.score_value
    FROM (${consensusSql(scale, { goldSet })}) c
    JOIN (SELECT item_id, score_value FROM judge_scores WHERE gold_set = ${literal(goldSet)} AND judge = ${literal(judge)} AND score_value IS NOT NULL
          QUALIFY row_number() OVER (PARTITION BY item_id ORDER BY seq DESC) = 1) j USING (item_id)
    WHERE c.pass IS NOT NULL`;
}

export function judgesSql(goldSet: string): string {
  return `SELECT judge, count(DISTINCT item_id) AS n FROM judge_scores WHERE gold_set = ${literal(goldSet)} AND score_value IS NOT NULL GROUP BY judge ORDER BY n DESC, judge`;
}
