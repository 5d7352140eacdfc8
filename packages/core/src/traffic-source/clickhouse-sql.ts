import type { TrafficWindow } from '../shadow/shadow-sql.js';
import type { ClickHouseColumns } from './clickhouse-config.js';
import type { GoldMetadataValue, MetadataCountsRequest } from './traffic-source.js';

/*
 * ClickHouse twins of the DuckDB traffic builders (shadow-sql.ts, drift-sql.ts): the same rows,
 * column names and order, so one TrafficSource contract holds for both engines. Times cross as
 * epoch milliseconds (the store's ISO strings are millisecond-precise too). The seeded order is
 * DuckDB's md5_number(…) exactly: reinterpretAsUInt128(MD5(…)) reads the digest in the same byte
 * order (checked value by value in clickhouse-sql.test.ts), so the same seed draws the same sample.
 */

/** A ClickHouse string literal: backslashes are escapes there, unlike in DuckDB. */
export function chLiteral(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

function chTime(iso: string): string {
  return `parseDateTime64BestEffort(${chLiteral(iso)}, 6, 'UTC')`;
}

/** The value of one metadata key, NULL when absent (as DuckDB's json_extract_string). */
function metadataValue(c: ClickHouseColumns, key: string, m = 'm'): string {
  const k = chLiteral(key);
  if (c.metadataFormat === 'map') return `if(mapContains(${m}, ${k}), ${m}[${k}], NULL)`;
  return `multiIf(NOT JSONHas(${m}, ${k}), NULL, JSONType(${m}, ${k}) = 'String', JSONExtractString(${m}, ${k}), JSONType(${m}, ${k}) = 'Null', NULL, JSONExtractRaw(${m}, ${k}))`;
}

function stratumExpr(c: ClickHouseColumns, stratifyBy: string): string {
  if (stratifyBy === 'slice') return `coalesce(slice, '(none)')`;
  return `coalesce(${metadataValue(c, stratifyBy.slice('metadata.'.length).replaceAll('"', ''))}, '(none)')`;
}

/**
 * The table's rows in [from, to) under Touchstone's column names; `m` is the raw metadata and
 * `metadata_json` its JSON text (not `metadata`: ClickHouse would resolve `m`'s source to that alias).
 * The filter runs in an inner SELECT on the raw columns: in the outer one a time column named `ts`
 * would resolve to its own alias (toDateTime64(ts)), and the primary key could not prune the scan.
 */
function rowsSql(c: ClickHouseColumns, from: string | null, to: string): string {
  const filters = [`${c.ts} < ${chTime(to)}`];
  if (from !== null) filters.unshift(`${c.ts} >= ${chTime(from)}`);
  if (c.where !== null) filters.push(`(${c.where})`);
  const metadataJson = c.metadataFormat === 'map' ? `if(empty(${c.metadata}), NULL, toJSONString(${c.metadata}))` : `CAST(${c.metadata} AS Nullable(String))`;
  return `SELECT toString(${c.id}) AS id, toDateTime64(${c.ts}, 6, 'UTC') AS ts, toString(${c.input}) AS input,
      CAST(${c.output} AS Nullable(String)) AS output, CAST(${c.slice} AS Nullable(String)) AS slice,
      CAST(${c.judge_score} AS Nullable(Float64)) AS judge_score, ${metadataJson} AS metadata_json, ${c.metadata} AS m
    FROM (SELECT * FROM ${c.table} WHERE ${filters.join(' AND ')})`;
}

/** Twin of strataSql. */
export function chStrataSql(c: ClickHouseColumns, window: TrafficWindow, stratifyBy: string, passThreshold: number): string {
  return `SELECT ${stratumExpr(c, stratifyBy)} AS stratum, toInt64(count()) AS n, toInt64(count(judge_score)) AS n_scored,
      toInt64(countIf(judge_score >= ${Number(passThreshold)})) AS n_pass
    FROM (${rowsSql(c, window.start, window.end)}) GROUP BY stratum ORDER BY stratum`;
}

/**
 * Twin of candidatesSql: per stratum the first `limit` rows in the seeded order. `LIMIT … BY` keeps
 * each stratum's head without sorting the window as a whole; only those rows cross the network.
 * (DuckDB breaks ties of identical id and time on the store's seq; a ClickHouse table has none.)
 */
export function chCandidatesSql(c: ClickHouseColumns, window: TrafficWindow, stratifyBy: string, seed: string, limits: ReadonlyMap<string, number>): string {
  const wanted = [...limits].filter(([, n]) => n > 0);
  if (wanted.length === 0) return `SELECT 1 LIMIT 0`;
  const keys = `[${wanted.map(([k]) => chLiteral(k)).join(', ')}]`;
  const ns = `[${wanted.map(([, n]) => Math.floor(n)).join(', ')}]`;
  const most = Math.max(...wanted.map(([, n]) => Math.floor(n)));
  return `SELECT id, toInt64(toUnixTimestamp64Milli(ts)) AS ts_ms, input, output, slice, judge_score, metadata, stratum, toInt64(rank) AS rank,
      toInt64(lengthUTF8(input)) AS input_chars, if(output IS NULL, NULL, toInt64(lengthUTF8(output))) AS output_chars
    FROM (
      SELECT *, row_number() OVER (PARTITION BY stratum ORDER BY h) AS rank FROM (
        SELECT id, ts, input, output, slice, judge_score, metadata_json AS metadata, ${stratumExpr(c, stratifyBy)} AS stratum,
          reinterpretAsUInt128(MD5(concat(id, '|', toString(intDiv(toUnixTimestamp64Micro(ts), 1000)), '|', ${chLiteral(seed)}))) AS h
        FROM (${rowsSql(c, window.start, window.end)})
        WHERE stratum IN ${keys}
        ORDER BY h LIMIT ${most} BY stratum))
    WHERE rank <= transform(stratum, ${keys}, ${ns}, 0)
    ORDER BY stratum, rank`;
}

/** Twin of windowSlicesSql (last_before as epoch ms). */
export function chWindowSlicesSql(c: ClickHouseColumns, window: TrafficWindow): string {
  const start = chTime(window.start);
  return `SELECT slice, toInt64(countIf(ts >= ${start})) AS n_window,
      if(countIf(ts < ${start}) = 0, NULL, toInt64(toUnixTimestamp64Milli(maxIf(ts, ts < ${start})))) AS last_before_ms
    FROM (${rowsSql(c, null, window.end)}) GROUP BY slice`;
}

/** Twin of metadataCountsSql (same columns; see its comment for what each counts). */
export function chMetadataCountsSql(c: ClickHouseColumns, r: MetadataCountsRequest): string {
  const start = chTime(r.window.start);
  const turn = chTime(r.turnoverStart);
  const keys = `[${r.keys.map(chLiteral).join(', ')}]`;
  const vals = `[${r.keys.map((k) => metadataValue(c, k)).join(', ')}]`;
  return `WITH per AS (
      SELECT kv.1 AS key, kv.2 AS val, min(ts) AS first_ts,
        countIf(ts >= ${start}) AS n_win, countIf(ts < ${start}) AS n_base, countIf(ts >= ${turn} AND ts < ${start}) AS n_last
      FROM (${rowsSql(c, r.baselineStart, r.window.end)})
      ARRAY JOIN arrayZip(${keys}, ${vals}) AS kv
      WHERE m IS NOT NULL AND kv.2 IS NOT NULL GROUP BY key, val),
    ranked AS (SELECT *, row_number() OVER (PARTITION BY key ORDER BY n_win + n_base DESC, val) AS r FROM per)
    SELECT key, if(r <= ${Math.floor(r.topK)}, assumeNotNull(val), '(other)') AS value,
      toInt64(sum(n_base)) AS baseline, toInt64(sum(n_win)) AS \`window\`, min(first_ts >= ${start}) = 1 AS unseen,
      toInt64(sumIf(n_win, first_ts >= ${start})) AS win_unseen, toInt64(sumIf(n_last, first_ts >= ${turn})) AS last_unseen,
      toInt64(sum(n_last)) AS last_total, min(r) AS rank
    FROM ranked GROUP BY key, value ORDER BY key, rank`;
}

/** Twin of windowVsGoldMetadataSql: window values per key, flagged by whether gold (or its half A) has them. */
export function chWindowVsGoldMetadataSql(c: ClickHouseColumns, gold: readonly GoldMetadataValue[], window: TrafficWindow, topK: number): string {
  const keyList = [...new Set(gold.map((g) => g.key))].sort();
  const tuples = [...new Set(gold.map((g) => `(${chLiteral(g.key)}, ${chLiteral(g.value)}, ${chLiteral(g.half)})`))].join(', ');
  return `WITH g AS (SELECT t.1 AS key, t.2 AS val, t.3 AS half FROM (SELECT arrayJoin([${tuples}]) AS t)),
    per AS (
      SELECT kv.1 AS key, kv.2 AS val, count() AS n
      FROM (${rowsSql(c, window.start, window.end)})
      ARRAY JOIN arrayZip([${keyList.map(chLiteral).join(', ')}], [${keyList.map((k) => metadataValue(c, k)).join(', ')}]) AS kv
      WHERE m IS NOT NULL AND kv.2 IS NOT NULL GROUP BY key, val),
    flagged AS (
      SELECT key, val, n, (key, val) IN (SELECT key, val FROM g WHERE half = 'A') AS in_a, (key, val) IN (SELECT key, val FROM g) AS in_gold,
        row_number() OVER (PARTITION BY key ORDER BY n DESC, val) AS r
      FROM per)
    SELECT key, if(r <= ${Math.floor(topK)}, assumeNotNull(val), '(other)') AS value, toInt64(sum(n)) AS \`window\`,
      toInt64(sumIf(n, NOT in_a)) AS not_in_a, toInt64(sumIf(n, NOT in_gold)) AS not_in_gold, min(NOT in_gold) = 1 AS unseen, min(r) AS rank
    FROM flagged GROUP BY key, value ORDER BY key, rank`;
}

/** First and last request (epoch ms) and the number of requests. */
export function chSpanSql(c: ClickHouseColumns): string {
  const where = c.where === null ? '' : ` WHERE ${c.where}`;
  return `SELECT toInt64(toUnixTimestamp64Milli(min(toDateTime64(${c.ts}, 6, 'UTC')))) AS lo_ms, toInt64(toUnixTimestamp64Milli(max(toDateTime64(${c.ts}, 6, 'UTC')))) AS hi_ms, toInt64(count()) AS n FROM ${c.table}${where}`;
}
