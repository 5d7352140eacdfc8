import { WHITE_SPACE_CLASS } from '../../schemas/id-text.js';
import type { FieldMap } from '../field-map.js';
import type { NativeSource } from './native-source.js';
import { timestampSql } from './native-timestamp-sql.js';

// `embedding` is read only to see whether a record has one: a file with embeddings takes the zod path.
export const TRAFFIC_FIELDS = ['id', 'timestamp', 'input', 'output', 'slice', 'judge_score', 'metadata', 'source_ref', 'embedding'] as const;
const OPTIONAL_TEXT = ['output', 'slice', 'source_ref'] as const;

const WS = String.raw`[ \t\n\r]*`;
// A JSON string without \u escapes or raw control characters (JSON forbids them; JSON.stringify writes \u00XX).
const STRING = String.raw`"([^"\\\x00-\x1f]|\\["\\/bfnrt])*"`;
/** A JSON object of string values, any JSON white space between tokens. */
export const FLAT_OBJECT = `${WS}\\{${WS}(${STRING}${WS}:${WS}${STRING}${WS}(,${WS}${STRING}${WS}:${WS}${STRING}${WS})*)?\\}${WS}`;
// As JSON.stringify writes one: no white space, and only the escapes it uses (never \/).
const MIN_STRING = String.raw`"([^"\\\x00-\x1f]|\\["\\bfnrt])*"`;
const MINIFIED_OBJECT = `\\{(${MIN_STRING}:${MIN_STRING}(,${MIN_STRING}:${MIN_STRING})*)?\\}`;
/**
 * A key that is an array index or __proto__, in text FLAT_OBJECT matches: there a quote after "{" or
 * "," and white space always opens a key (inside a string it would close it, and a closing quote is
 * never followed by a key's text and a colon).
 */
export const INDEX_KEY = `[{,]${WS}"(0|[1-9][0-9]*|__proto__)"${WS}:`;

/**
 * SQL reading a traffic file into `table` with traffic-kind.ts's staged columns and `_valid`, true
 * only for records the zod path (TrafficRecordSchema after traffic-kind.ts's normalization)
 * accepts with the same stored values. Metadata is taken only as a JSON object (or the text of one)
 * of string values whose minified text is what JSON.stringify writes: no \u escapes (DuckDB writes
 * them in upper case), no raw control characters, no repeated keys (JSON.parse keeps the last), no
 * array-index keys (a JS object lists them first); any other metadata sends the file to the zod path.
 * The shape is checked by one regular expression over the text (a JSON parse and list functions per
 * row cost 1.7 s CPU per million rows, the expressions below 1 s); text already minified is stored as
 * given, since JSON.parse and JSON.stringify give it back unchanged.
 */
export function trafficNativeStageSql(source: NativeSource, map: FieldMap, table: string): string {
  const f = (name: (typeof TRAFFIC_FIELDS)[number]) => source.field(map[name] ?? name, name === 'judge_score');
  const id = f('id');
  const input = f('input');
  const score = f('judge_score');
  const meta = f('metadata');
  const ts = timestampSql(f('timestamp'));
  // The metadata as JSON text: an object's minified text as DuckDB's JSON reader holds it, or the string given.
  const text = `CASE WHEN ${meta.isString} THEN ${meta.text} ELSE ${meta.json}::VARCHAR END`;
  // CASE parses only the rows its WHEN selects (json_keys throws on text that is not JSON).
  const metaValid = `CASE WHEN regexp_full_match(_meta, '${FLAT_OBJECT}') AND NOT regexp_matches(_meta, '${INDEX_KEY}')
      THEN list_unique(json_keys(_meta)) = len(json_keys(_meta)) ELSE false END`;
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
      CASE WHEN NOT ${meta.present} THEN NULL WHEN regexp_full_match(_meta, '${MINIFIED_OBJECT}') THEN _meta
        WHEN regexp_full_match(_meta, '${FLAT_OBJECT}') THEN json(_meta)::VARCHAR END AS metadata,
      CASE WHEN ${f('source_ref').present} THEN ${f('source_ref').text} END AS source_ref,
      NULL::VARCHAR AS embedding,
      coalesce(${valid}, false) AS _valid
    FROM (SELECT *, ${text} AS _meta FROM ${source.relation})`;
}
