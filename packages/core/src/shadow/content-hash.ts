import { createHash } from 'node:crypto';

/**
 * SHA-256 over a canonical serialization: JSON of the header, then one JSON line per item, in order.
 * Object keys are written in the order the caller builds them, which is fixed in code.
 */
export function contentHash(header: unknown, items: readonly unknown[]): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(header));
  for (const item of items) h.update(`\n${JSON.stringify(item)}`);
  return h.digest('hex');
}
