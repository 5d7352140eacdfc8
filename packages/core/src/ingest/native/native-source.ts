import type { Store } from '../../store/store.js';
import { ident, literal } from '../../store/sql.js';
import { tabularScanSql } from '../read-tabular.js';

export type NativeFormat = 'jsonl' | 'csv' | 'tsv' | 'parquet';

/**
 * SQL for one source field as the zod path would see it after its reader (read-jsonl.ts,
 * read-tabular.ts + coerce.ts): whether it is present, and whether it is a string, a number, a
 * boolean or a timestamp the reader turns into an ISO string. Each predicate is exact for what it
 * says; anything the SQL cannot decide the same way (other Parquet types) is `other`.
 */
export interface FieldSql {
  /** The record has the field (JSONL: the key; CSV/TSV: a non-empty cell; Parquet: a non-null value). */
  readonly present: string;
  /** Each `is…` implies `present`. */
  readonly isString: string;
  readonly text: string;
  readonly isNumber: string;
  readonly number: string;
  readonly isBool: string;
  readonly bool: string;
  /** A typed timestamp (Parquet TIMESTAMP/TIMESTAMPTZ) that the zod path receives as a JS Date's ISO string. */
  readonly isTimestamp: string;
  readonly timestamp: string;
  /** The field's JSON value when the reader gives JSON (JSONL), else NULL. */
  readonly json: string;
}

export interface NativeSource {
  /** FROM clause reading the file once, in file order. */
  readonly relation: string;
  /** Line (record) number of the first row: 1 for JSONL and Parquet, 2 for CSV/TSV (line 1 is the header). */
  readonly firstLine: number;
  field(column: string, numeric: boolean): FieldSql;
}

const JSON_NUMBER = `IN ('BIGINT', 'UBIGINT', 'DOUBLE')`;
// coerce.ts toNumberIfNumeric: exactly the text JavaScript's Number() reads the same way DuckDB's cast does.
const CSV_NUMBER = String.raw`^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$`;
// Read by the zod path's reader as JS numbers; DECIMAL through DuckDB's own decimal-to-double conversion, the same as its cast.
const NUMERIC_TYPES = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'FLOAT', 'DOUBLE']);
const NONE = 'NULL';

/**
 * Describes how to read `file` natively. JSONL columns are read as DuckDB JSON values so that each
 * field's JSON type can be checked as zod would; CSV/TSV as text, with the same reader options as
 * the zod path; Parquet with its own column types (a column the file lacks reads as missing).
 */
export async function nativeSource(store: Store, file: string, format: NativeFormat, columns: readonly string[]): Promise<NativeSource> {
  if (format === 'jsonl') {
    const spec = [...new Set(columns)].map((c) => `${literal(c)}: 'JSON'`).join(', ');
    return {
      relation: `read_json(${literal(file)}, format = 'newline_delimited', columns = {${spec}})`,
      firstLine: 1,
      field: (c) => {
        const col = ident(c);
        const type = `json_type(${col})`;
        return {
          present: `(${col} IS NOT NULL)`,
          isString: `(${type} = 'VARCHAR')`,
          text: `(${col} ->> '$')`,
          isNumber: `(${type} ${JSON_NUMBER})`,
          number: `TRY_CAST(${col} AS DOUBLE)`,
          isBool: `(${type} = 'BOOLEAN')`,
          bool: `TRY_CAST(${col} AS BOOLEAN)`,
          isTimestamp: 'false',
          timestamp: 'NULL::TIMESTAMPTZ',
          json: col,
        };
      },
    };
  }
  const relation = await tabularScanSql(file, format);
  const described = await store.all<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${relation}`);
  const types = new Map(described.map((d) => [d.column_name, d.column_type]));
  if (format === 'parquet') {
    return {
      relation: `${relation}`,
      firstLine: 1,
      field: (c) => {
        const type = types.get(c);
        const col = type === undefined ? NONE : ident(c);
        const kind = type === undefined ? 'none' : type === 'VARCHAR' || type === 'JSON' ? 'string' : NUMERIC_TYPES.has(type) || type.startsWith('DECIMAL(') ? 'number' : type === 'BOOLEAN' ? 'bool' : type === 'TIMESTAMP' || type === 'TIMESTAMP WITH TIME ZONE' ? 'ts' : 'other';
        const present = kind === 'none' ? 'false' : `(${col} IS NOT NULL)`;
        const is = (k: typeof kind): string => (kind === k ? present : 'false');
        return {
          present,
          isString: is('string'),
          text: kind === 'string' ? `${col}::VARCHAR` : 'NULL::VARCHAR',
          isNumber: is('number'),
          number: kind === 'number' ? `${col}::DOUBLE` : 'NULL::DOUBLE',
          isBool: is('bool'),
          bool: kind === 'bool' ? col : 'NULL::BOOLEAN',
          isTimestamp: is('ts'),
          timestamp: kind === 'ts' ? `${col}::TIMESTAMPTZ` : 'NULL::TIMESTAMPTZ',
          json: 'NULL::JSON',
        };
      },
    };
  }
  return {
    relation,
    firstLine: 2,
    field: (c, numeric) => {
      const col = types.has(c) ? ident(c) : NONE;
      const t = `trim(${col})`;
      const present = `(${col} IS NOT NULL AND ${col} <> '')`;
      const isBool = numeric ? `(${present} AND lower(${t}) IN ('true', 'false'))` : 'false';
      const isNumber = numeric ? `(${present} AND regexp_full_match(${t}, '${CSV_NUMBER}'))` : 'false';
      return {
        present,
        isString: numeric ? `(${present} AND NOT ${isBool} AND NOT ${isNumber})` : present,
        text: `${col}::VARCHAR`,
        isNumber,
        number: `TRY_CAST(${t} AS DOUBLE)`,
        isBool,
        bool: `(lower(${t}) = 'true')`,
        isTimestamp: 'false',
        timestamp: 'NULL::TIMESTAMPTZ',
        json: 'NULL::JSON',
      };
    },
  };
}
