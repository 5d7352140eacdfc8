/**
 * A value some tools store as JSON text (Langfuse's trace download and ClickHouse-backed API return
 * `input`, `output` and `metadata` as strings such as `"\"What is Langfuse?\""` or `"{\"messages\":…}"`)
 * as the value it encodes. Text that does not parse as a JSON string, object or array is kept as is.
 */
export function parseJsonText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  if (!(t.startsWith('{') || t.startsWith('[') || (t.startsWith('"') && t.endsWith('"') && t.length >= 2))) return value;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return value;
  }
}
