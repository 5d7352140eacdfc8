import type { z } from 'zod';

/**
 * The first zod issue of a failed parse as a field + reason pair. With the parsed `input`, a value
 * zod can only call "Invalid input" (a union of types) is named: missing, null, NaN or ±Infinity
 * (what JSON's 1e309 and Parquet's non-finite doubles read as).
 */
export function firstIssue(error: z.ZodError, input?: unknown): { field: string; reason: string } {
  const issue = error.issues[0];
  if (issue === undefined) return { field: '', reason: 'invalid record' };
  const field = issue.path.map(String).join('.');
  const value = input === undefined ? UNKNOWN : valueAt(input, issue.path);
  const missing = (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) || (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union'));
  return { field, reason: missing ? 'required field is missing' : (badValue(value) ?? issue.message) };
}

function badValue(value: unknown): string | undefined {
  if (value === null) return 'is null; a value is required';
  if (typeof value === 'string' && /^[-+]?infinity$/i.test(value)) return `${value} is not a finite timestamp`;
  if (typeof value !== 'number' || Number.isFinite(value)) return undefined;
  return Number.isNaN(value) ? 'NaN is not a number' : `${value} is not a finite number (a number past the range of a double, such as 1e309, reads as ${value})`;
}

const UNKNOWN = Symbol('unknown');

/** The value at `path`, or UNKNOWN where the path does not lead through objects (zod may have transformed the value). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at = input;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return UNKNOWN;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}
