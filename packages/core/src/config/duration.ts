import { z } from 'zod';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

const DURATION = /^(\d+(?:\.\d+)?)([mhdw])$/;

/** A window length such as `7d`, `24h`, `90m` or `2w` (minutes, hours, days, weeks), accepted exactly when parseDuration accepts it. */
export const DurationSchema = z.string().refine((text) => durationMs(text) > 0, 'must be a positive duration like 7d, 24h, 90m or 2w');

/**
 * Milliseconds in a duration string (`7d` → 604800000).
 * @throws RangeError when the text is not a positive duration
 */
export function parseDuration(text: string): number {
  const value = durationMs(text);
  if (!(value > 0)) throw new RangeError(`"${text}" is not a duration like 7d, 24h, 90m or 2w`);
  return value;
}

/** Milliseconds, or NaN when the text is not a duration. */
function durationMs(text: string): number {
  const m = DURATION.exec(text.trim());
  return m === null ? Number.NaN : Number(m[1]) * (UNITS[m[2] ?? ''] ?? Number.NaN);
}
