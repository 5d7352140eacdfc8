import { describe, expect, it } from 'vitest';
import { unixNanosToIso, unixSecondsToIso } from './epoch-time.js';

describe('epoch times', () => {
  it('converts seconds and nanoseconds to ISO UTC, nanoseconds truncated to microseconds without float rounding', () => {
    // python: datetime.fromtimestamp(1709546102, timezone.utc) -> 2024-03-04 09:55:02+00:00
    expect(unixSecondsToIso(1709546102)).toBe('2024-03-04T09:55:02.000Z');
    // numpy: np.datetime64(1717430400123456789, 'ns') -> 2024-06-03T16:00:00.123456789
    expect(unixNanosToIso('1717430400123456789')).toBe('2024-06-03T16:00:00.123456Z');
    expect(unixNanosToIso('0')).toBeUndefined();
    expect(unixNanosToIso('not a number')).toBeUndefined();
  });

  it('returns undefined (never throws) for times a Date cannot hold', () => {
    expect(unixSecondsToIso(1e20)).toBeUndefined();
    expect(unixSecondsToIso(Number.NaN)).toBeUndefined();
    expect(unixNanosToIso('17174304001234567890123456')).toBeUndefined();
    expect(unixNanosToIso(Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});
