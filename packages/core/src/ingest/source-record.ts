/** One record read from an input file, before mapping and validation. */
export interface SourceRecord {
  /** 1-based line number (JSONL, CSV/TSV with one record per line) or record number (Parquet, JSON arrays). */
  readonly line: number;
  /** The parsed record, or the reason it could not be parsed (and the field it concerns, when one: a key given twice). */
  readonly value: Record<string, unknown> | ParseError;
  /** True when values are untyped text (CSV/TSV) and may be coerced to numbers/booleans. */
  readonly untyped: boolean;
  /** 'record' when `line` counts records, not lines (JSON arrays, tool exports read as JSON), so messages say "record N". */
  readonly unit?: 'line' | 'record';
}

export interface ParseError {
  readonly parseError: string;
  readonly parseErrorField?: string;
}

export function isParseError(value: SourceRecord['value']): value is ParseError {
  const keys = Object.keys(value);
  return typeof (value as { parseError?: unknown }).parseError === 'string' && keys.every((k) => k === 'parseError' || k === 'parseErrorField');
}
