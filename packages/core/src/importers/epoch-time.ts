/** The largest time a JavaScript Date holds: ±8.64e15 ms from 1970 (ECMA-262 §21.4.1.1, year 275760). */
const MAX_MS = 8.64e15;

/**
 * A Unix time in seconds (Prodigy's `_timestamp`) as an ISO 8601 UTC timestamp; undefined when it
 * is not a finite number or lies outside the range a Date holds (`1e20`), for the caller to name the field.
 */
export function unixSecondsToIso(seconds: number): string | undefined {
  const ms = seconds * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_MS) return undefined;
  return new Date(ms).toISOString();
}

/**
 * A Unix time in nanoseconds (OTLP's `startTimeUnixNano`, a decimal string in OTLP/JSON) as an
 * ISO 8601 UTC timestamp with microseconds, the store's precision. BigInt: nanoseconds since 1970
 * exceed 2^53, so a Number would round them. Undefined for zero (unset in OTLP), text that is not
 * an integer, and times past the range a Date holds (a 26-digit value).
 */
export function unixNanosToIso(nanos: string | number): string | undefined {
  let n: bigint;
  try {
    if (typeof nanos === 'number' && !Number.isFinite(nanos)) return undefined;
    n = BigInt(typeof nanos === 'number' ? Math.trunc(nanos) : nanos.trim());
  } catch {
    return undefined;
  }
  if (n <= 0n) return undefined;
  const ms = n / 1_000_000n;
  if (ms > BigInt(MAX_MS)) return undefined;
  const micros = (n / 1_000n) % 1_000n;
  const iso = new Date(Number(ms)).toISOString();
  return `${iso.slice(0, -1)}${micros.toString().padStart(3, '0')}Z`;
}
