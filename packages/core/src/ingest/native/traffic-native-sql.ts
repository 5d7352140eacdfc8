import { WHITE_SPACE_CLASS } from '../../schemas/id-text.js';
import type { FieldMap } from '../field-map.js';
import type { NativeSource } from './native-source.js';
import { timestampSql } from './native-timestamp-sql.js';

// `embedding` is read only to see whether a record has one: a file with embeddings takes the zod path.
export const TRAFFIC_FIELDS = ['id', 'timestamp', 'input', 'output', 'slice', 'judge_score', 'metadata', 'source_ref', 'embedding'] as const;
const OPTIONAL_TEXT = ['output', 'slice', 'source_ref'] as const;

/**
 * SQL reading a traffic file into `table` with traffic-kind.ts's staged columns and `_valid`, true
 * only for records the zod path (TrafficRecordSchema after traffic-kind.ts's normalization)
 * accepts with the same stored values. Metadata is taken only as a JSON object (or the text of one)
 * of string values whose minified text is what JSON.stringify writes: no \u escapes (DuckDB writes
 * them in upper case), no repeated keys (JSON.parse keeps the last), no array-index keys (a JS
 * object lists them first); any other metadata sends the file to the zod path.
 */
export function trafficNativeStageSql(source: NativeSource, map: FieldMap, table: string): string {
  const f = (name: (typeof TRAFFIC_FIELDS)[number]) => source.field(map[name] ?? name, name === 'judge_score');
  const id = f('id');
  const input = f('input');
  const score = f('judge_score');
  const meta = f('metadata');
  const ts = timestampSql(f('timestamp'));
  // The metadata object as JSON: an object value as is, a string parsed (json() fails on bad JSON: try()).
  const object = `CASE WHEN ${meta.isString} THEN try(json(${meta.text})) ELSE ${meta.json} END`;
  const metaValid = `(json_type(_meta) = 'OBJECT'
      AND len(list_filter(json_extract(_meta, '$.*'), v -> json_type(v) <> 'VARCHAR')) = 0
      AND len(list_distinct(json_keys(_meta))) = len(json_keys(_meta))
      AND len(list_filter(json_keys(_meta), k -> regexp_full_match(k, '0|[1-9][0-9]*') OR k = '__proto__')) = 0
      AND NOT contains(_meta::VARCHAR, '\\u'))`;
  const valid = [
    `${id.isString} AND regexp_matches(${id.text}, '[^${WHITE_SPACE_CLASS}]') AND NOT contains(${id.text}, chr(0))`,
    ts.valid,
    input.isString,
    ...OPTIONAL_TEXT.map((n) => `(NOT ${f(n).present} OR ${f(n).isString})`),
    `(NOT ${score.present} OR (${score.isNumber} AND isfinite(${score.number})))`,
    `(NOT ${meta.present} OR ${metaValid})`,
    `NOT ${f('embedding').present}`,
  ].map((c) => `(${c})`).join(' AND ');
  return `CREATE OR REPLACE TEMP TABLE ${table} AS
    SELECT ${id.text} AS id, ${ts.value} AS ts, ${input.text} AS input,
      ${OPTIONAL_TEXT.slice(0, 2).map((n) => `CASE WHEN ${f(n).present} THEN ${f(n).text} END AS ${n}`).join(', ')},
      CASE WHEN ${score.present} THEN ${score.number} END AS judge_score,
      CASE WHEN ${meta.present} THEN json(_meta)::VARCHAR END AS metadata,
      CASE WHEN ${f('source_ref').present} THEN ${f('source_ref').text} END AS source_ref,
      NULL::VARCHAR AS embedding,
      coalesce(${valid}, false) AS _valid
    FROM (SELECT *, ${object} AS _meta FROM ${source.relation})`;
}
