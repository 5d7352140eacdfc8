/**
 * Normalizes common timestamp spellings to ISO 8601 before validation: a date alone becomes
 * midnight UTC, a space between date and time becomes `T`. Timestamps without an offset are UTC
 * (the store's session time zone is UTC).
 */
export function normalizeTimestamp(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return `${t}T00:00:00Z`;
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(t)) return t.replace(' ', 'T');
  return t;
}
