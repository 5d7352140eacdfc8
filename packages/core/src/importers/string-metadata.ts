import { isPlainObject } from './source-fields.js';

/**
 * Traffic metadata as an object of strings: the tool's own metadata (nested values as JSON text,
 * numbers and booleans as text) and the named fields given, which win. Empty values are dropped.
 */
export function stringMetadata(metadata: unknown, named: Readonly<Record<string, unknown>>): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  const put = (k: string, v: unknown): void => {
    if (v === undefined || v === null || v === '') return;
    out[k] = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  };
  if (isPlainObject(metadata)) for (const [k, v] of Object.entries(metadata)) put(k, v);
  for (const [k, v] of Object.entries(named)) put(k, v);
  return Object.keys(out).length === 0 ? undefined : out;
}
