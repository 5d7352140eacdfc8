/**
 * CSV/TSV cells are text. Turns numeric-looking text into numbers (and true/false into booleans)
 * for the fields that may be numeric, and drops empty cells (an empty cell is a missing value, not an empty string).
 */
export function coerceUntyped(record: Record<string, unknown>, numericFields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === '' || value === undefined || value === null) continue;
    out[key] = numericFields.includes(key) && typeof value === 'string' ? toNumberIfNumeric(value) : value;
  }
  return out;
}

export function toNumberIfNumeric(value: string): string | number | boolean {
  const t = value.trim();
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  if (t !== '' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  return value;
}
