/**
 * The original identity of an imported record, kept in the store's `source_ref` column:
 * `tool:key=value&key=value` with URI-encoded values (`label-studio:task=12&annotation=1001`).
 */
export function sourceRef(tool: string, parts: Readonly<Record<string, string | number | boolean | null | undefined>>): string {
  const pairs = Object.entries(parts)
    .filter((e): e is [string, string | number | boolean] => e[1] !== undefined && e[1] !== null && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return `${tool}:${pairs.join('&')}`;
}
