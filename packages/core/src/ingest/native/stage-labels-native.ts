import { LabelRecordSchema } from '../../schemas/label-record.js';
import type { Scale } from '../../schemas/scale.js';
import type { Store } from '../../store/store.js';
import type { FieldMap } from '../field-map.js';
import { normalizeTimestamp } from '../timestamp.js';
import { labelNativeNumberSql, labelNativeStageSql } from './label-native-sql.js';
import { readWhileScanning, validStagedCount } from './stage-native.js';

/**
 * Stages a JSONL label file with DuckDB's parallel JSON reader when every record passes the SQL
 * mirror of the zod rules; returns the number of records staged, or undefined when the file must go
 * through the zod path instead (ineligible layout, a parse error, or any record not certainly valid).
 */
export async function stageLabelsNative(
  store: Store,
  args: { file: string; map: FieldMap; supplied: Readonly<Record<string, string>>; scale: Scale | undefined; table: string; observed: Set<unknown> },
): Promise<number | undefined> {
  const otherSupplied = Object.keys(args.supplied).filter((k) => k !== 'labeled_at');
  if (otherSupplied.length > 0) return undefined;
  const supplied = args.supplied['labeled_at'];
  const suppliedTs = supplied === undefined ? undefined : normalizeTimestamp(supplied);
  if (suppliedTs !== undefined && (typeof suppliedTs !== 'string' || !LabelRecordSchema.shape.labeled_at.safeParse(suppliedTs).success)) return undefined;
  const read = `${args.table}_read`;
  if (!(await readWhileScanning(store, read, args.file, () => store.run(labelNativeStageSql(args.file, args.map, suppliedTs, args.scale, read))))) return undefined;
  const n = await validStagedCount(store, read);
  if (n === undefined) return undefined;
  await store.run(labelNativeNumberSql(read, args.table));
  await store.run(`DROP TABLE IF EXISTS temp.${read}`);
  if (args.scale === undefined) {
    const distinct = await store.all<{ v: number | string | null; numeric: boolean }>(
      `SELECT DISTINCT coalesce(label_text, label_value::VARCHAR) AS v, label_text IS NULL AS numeric FROM temp.${args.table} LIMIT 10000`,
    );
    for (const row of distinct) args.observed.add(row.numeric ? Number(row.v) : row.v);
  }
  return n;
}
