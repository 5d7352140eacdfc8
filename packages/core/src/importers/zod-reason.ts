import type { z } from 'zod';

/**
 * A failed parse of a tool's record as one readable reason naming the field and what was found
 * (`not a Label Studio task: annotations: expected a list, found a string`), in our words rather than
 * the validator's ("Invalid input").
 */
export function zodReason(what: string, error: z.ZodError, input: unknown): string {
  const issue = error.issues[0];
  if (issue === undefined) return `not a ${what}`;
  const field = issue.path.map(String).join('.');
  const found = describe(at(input, issue.path));
  let reason: string;
  if (issue.code === 'invalid_type') reason = `expected ${noun(issue.expected)}, found ${found}`;
  else if (issue.code === 'invalid_union') {
    const expected = [...new Set(issue.errors.flat().flatMap((i) => (i.code === 'invalid_type' && i.path.length === 0 ? [noun(i.expected)] : [])))];
    reason = expected.length > 0 ? `expected ${expected.join(' or ')}, found ${found}` : `unexpected value ${found}`;
  } else reason = `${found}: ${issue.message}`;
  return `not a ${what}: ${field === '' ? '' : `${field}: `}${reason}`;
}

function at(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

const NOUNS: Readonly<Record<string, string>> = { array: 'a list', object: 'an object', string: 'a string', number: 'a number', boolean: 'true or false' };

function noun(type: string): string {
  return NOUNS[type] ?? type;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  const text = JSON.stringify(v);
  return `${typeof v === 'string' ? 'a string' : `a ${typeof v}`} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}
