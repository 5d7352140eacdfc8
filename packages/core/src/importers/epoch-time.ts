/** A Unix time in seconds (Prodigy's `_timestamp`) as an ISO 8601 UTC timestamp. */
export function unixSecondsToIso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/**
 * A Unix time in nanoseconds (OTLP's `startTimeUnixNano`, a decimal string in OTLP/JSON) as an
 * ISO 8601 UTC timestamp with microseconds, the store's precision. BigInt: nanoseconds since 1970
 * exceed 2^53, so a Number would round them.
 */
export function unixNanosToIso(nanos: string | number): string | undefined {
  let n: bigint;
  try {
    n = BigInt(typeof nanos === 'number' ? Math.trunc(nanos) : nanos.trim());
  } catch {
    return undefined;
  }
  if (n <= 0n) return undefined;
  const ms = n / 1_000_000n;
  const micros = (n / 1_000n) % 1_000n;
  const iso = new Date(Number(ms)).toISOString();
  return `${iso.slice(0, -1)}${micros.toString().padStart(3, '0')}Z`;
}
