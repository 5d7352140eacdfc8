import type { z } from 'zod';
import { firstIssue } from '../ingest/zod-detail.js';

/** A failed parse of a tool's record as one readable reason: `annotations.0.result: expected array, received string`. */
export function zodReason(what: string, error: z.ZodError): string {
  const { field, reason } = firstIssue(error);
  return `not a ${what}: ${field === '' ? '' : `${field}: `}${reason}`;
}
