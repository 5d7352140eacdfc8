import type { Scale } from '../../schemas/scale.js';
import { WHITE_SPACE_CLASS } from '../../schemas/id-text.js';
import { EARLIEST_YEAR, FUTURE_SLACK_MS } from '../../schemas/iso-timestamp.js';
import { literal } from '../../store/sql.js';
import type { FieldMap } from '../field-map.js';

const REQUIRED = ['item_id', 'labeler_id'] as const;
const OPTIONAL = ['slice', 'guideline_version', 'session_id', 'rationale', 'input', 'output', 'reference', 'source_ref'] as const;
/** Item metadata and embeddings are objects and arrays: a file that carries them takes the zod path. */
const ZOD_ONLY = ['metadata', 'embedding'] as const;
const FIELDS = [...REQUIRED, 'label', 'labeled_at', ...OPTIONAL, 'trace_id', ...ZOD_ONLY] as const;

// A strict subset of what zod's z.iso.datetime({ offset: true, local: true }) accepts, after the
// same normalization as ingest/timestamp.ts; DuckDB must also be able to cast it.
const ISO = String.raw`^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$`;
const isNumber = (L: string): string => `json_type(${L}) IN ('BIGINT', 'UBIGINT', 'DOUBLE')`;

/**
 * SQL that reads a canonical JSONL label file with DuckDB's JSON reader into `table`: one row per
 * line, in file order, with the staged columns of label-kind.ts and `_valid` (the line number is
 * added by labelNativeNumberSql: `WITH ORDINALITY` here would halve the reader's speed). `_valid` is
 * true only for records that the zod path (label-kind.ts + scale/normalize-label.ts) accepts with
 * the same stored values; every other record is marked invalid so that the caller falls back to
 * the zod path, which then names line, field and reason. Conservative by design: false negatives
 * cost speed, never correctness.
 */
export function labelNativeStageSql(file: string, map: FieldMap, suppliedLabeledAt: string | undefined, scale: Scale | undefined, table: string): string {
  const columns = [...new Set(FIELDS.map((f) => map[f] ?? f))].map((src) => `${literal(src)}: 'JSON'`).join(', ');
  const col = (f: (typeof FIELDS)[number]): string => `"${(map[f] ?? f).replaceAll('"', '""')}"`;
  const text = (f: (typeof FIELDS)[number]): string => `(${col(f)} ->> '$')`;
  const isText = (f: (typeof FIELDS)[number]): string => `json_type(${col(f)}) = 'VARCHAR'`;
  const missingTs = `(${col('labeled_at')} IS NULL OR (${isText('labeled_at')} AND ${text('labeled_at')} = ''))`;
  const rawTs = suppliedLabeledAt === undefined ? `CASE WHEN ${isText('labeled_at')} THEN ${text('labeled_at')} END` : `CASE WHEN ${missingTs} THEN ${literal(suppliedLabeledAt)} WHEN ${isText('labeled_at')} THEN ${text('labeled_at')} END`;
  const ts = `CASE WHEN regexp_full_match(ts_raw, '\\d{4}-\\d{2}-\\d{2}') THEN ts_raw || 'T00:00:00Z'
                   WHEN regexp_matches(ts_raw, '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}') THEN regexp_replace(ts_raw, ' ', 'T') ELSE ts_raw END`;
  const valid = [
    ...REQUIRED.map((f) => `${isText(f)} AND regexp_matches(${text(f)}, '[^${WHITE_SPACE_CLASS}]') AND NOT contains(${text(f)}, chr(0))`),
    ...[...OPTIONAL, 'trace_id' as const].map((f) => `(${col(f)} IS NULL OR ${isText(f)})`),
    ...ZOD_ONLY.map((f) => `${col(f)} IS NULL`),
    `ts IS NOT NULL AND regexp_full_match(ts, '${ISO}') AND year(try_cast(ts AS TIMESTAMPTZ)) >= ${EARLIEST_YEAR} AND try_cast(ts AS TIMESTAMPTZ) <= now() + to_milliseconds(${FUTURE_SLACK_MS})`,
    labelValidSql(scale, col('label')),
  ].map((c) => `(${c})`).join(' AND ');
  const [value, labelText] = labelValueSql(scale, col('label'));
  return `CREATE OR REPLACE TEMP TABLE ${table} AS
    SELECT ${text('item_id')} AS item_id, ${text('labeler_id')} AS labeler_id, ${value} AS label_value, ${labelText} AS label_text,
           ts AS labeled_at, ${OPTIONAL.slice(0, 4).map((f) => `${text(f)} AS ${f}`).join(', ')},
           ${OPTIONAL.slice(4).map((f) => `${text(f)} AS ${f}`).join(', ')},
           NULL::VARCHAR AS metadata, ${text('trace_id')} AS trace_id, NULL::VARCHAR AS embedding,
           coalesce(${valid}, false) AS _valid
    FROM (SELECT *, ${ts} AS ts FROM (SELECT *, ${rawTs} AS ts_raw
          FROM read_json(${literal(file)}, format = 'newline_delimited', columns = {${columns}})))`;
}

/**
 * The staging table proper: `read`'s rows with `source_record`, the line number, and without `_valid`.
 * DuckDB keeps file order through a single-table SELECT into a table, and a table's `rowid` is that
 * order (duckdb.org/docs/stable/sql/dialect/order_preservation); scan-jsonl.ts has already ruled
 * out blank lines, so row n is line n.
 */
export function labelNativeNumberSql(read: string, table: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * EXCLUDE (_valid), (rowid + 1)::INTEGER AS source_record FROM temp.${read}`;
}

function labelValidSql(scale: Scale | undefined, label: string): string {
  const L = label;
  if (scale === undefined) return `${isNumber(L)} OR json_type(${L}) = 'BOOLEAN' OR (json_type(${L}) = 'VARCHAR' AND length(${L} ->> '$') > 0)`;
  switch (scale.kind) {
    case 'binary':
      return `json_type(${L}) = 'BOOLEAN' OR (${isNumber(L)} AND ${L}::DOUBLE IN (0, 1))`;
    case 'ordinal':
      return `${isNumber(L)} AND ${L}::DOUBLE = floor(${L}::DOUBLE) AND ${L}::DOUBLE BETWEEN ${scale.min} AND ${scale.max}`;
    case 'interval':
      return `${isNumber(L)} AND ${L}::DOUBLE BETWEEN ${scale.min} AND ${scale.max}`;
    case 'nominal':
      return `json_type(${L}) = 'VARCHAR' AND (${L} ->> '$') IN (${scale.categories.map(literal).join(', ')})`;
  }
}

function labelValueSql(scale: Scale | undefined, L: string): [string, string] {
  const numeric = `CASE WHEN json_type(${L}) = 'BOOLEAN' THEN (${L}::BOOLEAN)::INTEGER::DOUBLE WHEN ${isNumber(L)} THEN ${L}::DOUBLE END`;
  if (scale === undefined) return [numeric, `CASE WHEN json_type(${L}) = 'VARCHAR' THEN ${L} ->> '$' END`];
  if (scale.kind === 'nominal') return ['NULL::DOUBLE', `${L} ->> '$'`];
  return [numeric, 'NULL::VARCHAR'];
}
