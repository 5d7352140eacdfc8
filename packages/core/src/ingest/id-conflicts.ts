import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataError, formatDetail, type ErrorDetail } from '../errors/touchstone-error.js';
import type { Store } from '../store/store.js';
import type { TrafficConflict } from './traffic-conflict-sql.js';

const MAX_REPORTED = 20;

/**
 * Records that reuse an id with other content (the kind's `conflictSql`) are rejected, never taken
 * for duplicates: without `skipInvalid` the file is refused (INGEST_ID_CONFLICT) naming id, file,
 * line and the fields that differ; with it they go to the quarantine file and their staged rows to
 * temp table `<stage>_conflict` (stage_row), which the caller leaves out of the insert.
 * Returns how many were rejected and the first 20 details.
 */
export async function rejectIdConflicts(
  store: Store,
  sql: string,
  args: { file: string; stage: string; byRecord: boolean; skipInvalid: boolean; quarantineTemp: string },
): Promise<{ n: number; details: ErrorDetail[] }> {
  await store.run(`CREATE OR REPLACE TEMP TABLE ${args.stage}_conflict AS ${sql}`);
  const rows = await store.all<TrafficConflict & Record<string, unknown>>(`SELECT * FROM temp.${args.stage}_conflict ORDER BY stage_row`);
  if (rows.length === 0) return { n: 0, details: [] };
  const detail = (c: TrafficConflict): ErrorDetail => {
    const where = args.byRecord ? { record: c.source_record } : { line: c.source_record };
    const other = c.first_record === null ? 'a stored row' : `${args.byRecord ? 'record' : 'line'} ${c.first_record} of this file`;
    return { file: args.file, ...where, field: c.differs.split(', ')[0] ?? 'id', reason: `id "${c.id}" is already given by ${other} with other content (differs in ${c.differs}); an id names one record: give this one its own id or fix the copy` };
  };
  const details = rows.slice(0, MAX_REPORTED).map(detail);
  if (!args.skipInvalid) {
    const more = rows.length > details.length ? `\n  … and ${rows.length - details.length} more` : '';
    throw new DataError(
      'INGEST_ID_CONFLICT',
      `${args.file}: ${rows.length} record${rows.length === 1 ? ' reuses an id' : 's reuse ids'} with other content; nothing was imported (use --skip-invalid to import the rest and quarantine these)\n${details.map((d) => `  ${formatDetail(d)}`).join('\n')}${more}`,
      { details },
    );
  }
  mkdirSync(dirname(args.quarantineTemp), { recursive: true });
  appendFileSync(args.quarantineTemp, rows.map((c) => {
    const d = detail(c);
    return `${JSON.stringify({ ...(args.byRecord ? { record_number: c.source_record } : { line: c.source_record }), field: d.field, reason: d.reason, record: { id: c.id } })}\n`;
  }).join(''));
  return { n: rows.length, details };
}
