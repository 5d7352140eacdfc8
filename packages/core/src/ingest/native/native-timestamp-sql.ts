import { EARLIEST_YEAR, FUTURE_SLACK_MS } from '../../schemas/iso-timestamp.js';
import type { FieldSql } from './native-source.js';

// A strict subset of what zod's z.iso.datetime({ offset: true, local: true }) accepts, after the
// same normalization as ingest/timestamp.ts (zod takes minutes without seconds only without an
// offset); DuckDB must also be able to cast it.
export const ISO_TIMESTAMP = String.raw`^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?)?$`;

/** ingest/timestamp.ts's normalization of a timestamp string `raw` (without its trim: padded text is left to the zod path). */
export function normalizedTimestampSql(raw: string): string {
  return `CASE WHEN regexp_full_match(${raw}, '\\d{4}-\\d{2}-\\d{2}') THEN ${raw} || 'T00:00:00Z'
    WHEN regexp_matches(${raw}, '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}') THEN regexp_replace(${raw}, ' ', 'T') ELSE ${raw} END`;
}

/**
 * A timestamp field as `{ valid, value }` SQL: `valid` when the zod path accepts it (an ISO string
 * after normalization, or a Parquet timestamp its reader turns into a JS Date's ISO string), `value`
 * what it stages: the normalized text (as the zod path stages it, so that duplicates are the same),
 * or for a typed column the instant to the millisecond (all of one column's ISO strings share one
 * layout, so equal text is an equal instant). A JS Date keeps milliseconds, truncating toward zero:
 * the same as date_trunc for instants from 1970 on, the only ones taken here.
 */
export function timestampSql(f: FieldSql): { valid: string; value: string } {
  const norm = normalizedTimestampSql(f.text);
  // The schemas' bounds (iso-timestamp.ts): not before EARLIEST_YEAR, not more than FUTURE_SLACK_MS ahead.
  const bounded = (t: string): string => `year(${t}) >= ${EARLIEST_YEAR} AND ${t} <= now() + to_milliseconds(${FUTURE_SLACK_MS})`;
  const fromText = `(${f.isString} AND regexp_full_match(${norm}, '${ISO_TIMESTAMP}') AND try_cast(${norm} AS TIMESTAMPTZ) IS NOT NULL AND ${bounded(`try_cast(${norm} AS TIMESTAMPTZ)`)})`;
  const fromTyped = `(${f.isTimestamp} AND epoch_us(${f.timestamp}) >= 0 AND ${f.timestamp} < TIMESTAMPTZ '10000-01-01 00:00:00+00' AND ${bounded(f.timestamp)})`;
  return {
    valid: `(${fromText} OR ${fromTyped})`,
    value: f.isTimestamp === 'false' ? norm : `date_trunc('millisecond', ${f.timestamp})`,
  };
}
