import { z } from 'zod';

/** Earliest year a stored time may have: anything before is a placeholder (0000, 0001) or a typo. */
export const EARLIEST_YEAR = 1900;
/** How far past the ingest's own clock a time may lie (clock skew between machines), in ms. */
export const FUTURE_SLACK_MS = 86_400_000;

/**
 * An ISO 8601 timestamp (offset optional: a timestamp without one is UTC) from 1900 up to a day past
 * now. A missing value says "required field is missing", a malformed one "must be an ISO 8601
 * timestamp"; year 0000 or 2999 says which bound it breaks.
 */
export function isoTimestamp() {
  return z.iso
    .datetime({
      offset: true,
      local: true,
      error: (issue) => (issue.input === undefined ? 'required field is missing' : 'must be an ISO 8601 timestamp'),
    })
    .superRefine((s, ctx) => {
      const reason = implausibleTime(s);
      if (reason !== undefined) ctx.addIssue({ code: 'custom', message: reason });
    });
}

/** Why a well-formed ISO 8601 time cannot be a real label/score/request time, or undefined. */
export function implausibleTime(iso: string, now = Date.now()): string | undefined {
  const year = Number(iso.slice(0, 4));
  if (year < EARLIEST_YEAR) return `${iso} is before ${EARLIEST_YEAR} (a placeholder or a typo?)`;
  const ms = Date.parse(/(Z|[+-]\d\d:?\d\d)$/i.test(iso) ? iso : `${iso}Z`);
  if (ms > now + FUTURE_SLACK_MS) return `${iso} is in the future (more than a day past ${new Date(now).toISOString()})`;
  return undefined;
}
