const MAX_DEPTH = 4;

/**
 * The scalar values of a tool's record as text, keyed by dotted path under `prefix`
 * (`src.data.item_id`, `src.meta.source`), so `--map item_id=src.data.item_id` can pick any of
 * them. Arrays and nulls are left out; nesting stops at four levels.
 */
export function sourceFields(value: unknown, prefix = 'src'): Record<string, string> {
  const out: Record<string, string> = {};
  collect(value, prefix, 0, out);
  return out;
}

function collect(value: unknown, path: string, depth: number, out: Record<string, string>): void {
  if (typeof value === 'string') out[path] = value;
  else if (typeof value === 'number' || typeof value === 'boolean') out[path] = String(value);
  else if (isPlainObject(value) && depth < MAX_DEPTH) {
    for (const [k, v] of Object.entries(value)) collect(v, `${path}.${k}`, depth + 1, out);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
