import type { z } from 'zod';

/** The first zod issue of a failed parse as a field + reason pair. */
export function firstIssue(error: z.ZodError): { field: string; reason: string } {
  const issue = error.issues[0];
  if (issue === undefined) return { field: '', reason: 'invalid record' };
  const field = issue.path.map(String).join('.');
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  return { field, reason: missing ? 'required field is missing' : issue.message };
}
