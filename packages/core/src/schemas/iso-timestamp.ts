import { z } from 'zod';

/**
 * An ISO 8601 timestamp (offset optional: a timestamp without one is UTC). A missing value says
 * "required field is missing", a malformed one "must be an ISO 8601 timestamp".
 */
export function isoTimestamp(): z.ZodISODateTime {
  return z.iso.datetime({
    offset: true,
    local: true,
    error: (issue) => (issue.input === undefined ? 'required field is missing' : 'must be an ISO 8601 timestamp'),
  });
}
