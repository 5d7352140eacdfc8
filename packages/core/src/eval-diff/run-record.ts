import { z } from 'zod';
import type { ErrorDetail } from '../errors/touchstone-error.js';
import { firstIssue } from '../ingest/zod-detail.js';

/**
 * One record of an eval run file: an item's outcome in that run. `pass` (pass/fail) or `score` (a
 * number) — at least one; `slice` groups items for the per-slice diff; `gold_snapshot` names the gold
 * snapshot tag the run was scored against. Other fields (output, latency …) are ignored.
 */
export const RunRecordSchema = z
  .object({
    item_id: z.string().min(1, 'must be a non-empty string'),
    slice: z.string().min(1, 'must be a non-empty string when present').optional(),
    pass: z.boolean({ message: 'must be a boolean (true/false; 1/0 and "true"/"false" are read as booleans)' }).optional(),
    score: z.number({ message: 'must be a number' }).refine(Number.isFinite, 'must be a finite number').optional(),
    gold_snapshot: z.string().min(1, 'must be a non-empty string when present').optional(),
  })
  .refine((r) => r.pass !== undefined || r.score !== undefined, { message: 'required field is missing: give pass (boolean) or score (number)', path: ['pass'] });
export type RunRecord = z.infer<typeof RunRecordSchema>;

const TRUE = new Set(['true', '1', 'pass', 'passed', 'yes']);
const FALSE = new Set(['false', '0', 'fail', 'failed', 'no']);

/**
 * Validates one source record. Text cells (CSV/TSV) are typed first: numeric `score`, boolean-like
 * `pass`; an integer `item_id` becomes text; 0/1 `pass` is read as false/true; null and empty cells are absent.
 */
export function parseRunRecord(raw: Record<string, unknown>): { record: RunRecord } | { reject: Omit<ErrorDetail, 'file' | 'line'> } {
  const value: Record<string, unknown> = {};
  for (const key of ['item_id', 'slice', 'pass', 'score', 'gold_snapshot'] as const) {
    const v = raw[key];
    if (v === null || v === undefined || v === '') continue;
    value[key] = v;
  }
  if (typeof value['item_id'] === 'number' && Number.isInteger(value['item_id'])) value['item_id'] = String(value['item_id']);
  const pass = value['pass'];
  if (typeof pass === 'string' && TRUE.has(pass.trim().toLowerCase())) value['pass'] = true;
  else if (typeof pass === 'string' && FALSE.has(pass.trim().toLowerCase())) value['pass'] = false;
  else if (pass === 1 || pass === 0) value['pass'] = pass === 1;
  const score = value['score'];
  if (typeof score === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(score)) value['score'] = Number(score);
  if (typeof score === 'boolean') value['score'] = Number(score);
  const parsed = RunRecordSchema.safeParse(value);
  return parsed.success ? { record: parsed.data } : { reject: firstIssue(parsed.error, value) };
}
