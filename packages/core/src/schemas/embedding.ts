import { z } from 'zod';

/** A precomputed embedding (from the user's tracing or retrieval stack): a non-empty array of finite numbers. */
export const EmbeddingSchema = z.array(z.number().finite()).min(1, 'must be a non-empty array of numbers');

/** Metadata: an object of string values (numbers and booleans are turned into their text before parsing). */
export const MetadataSchema = z.record(z.string(), z.string());

/** Metadata values are strings; numbers and booleans (model versions, flags) become their text. */
export function stringifyMetadata(value: unknown): unknown {
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
  return out;
}

/** An embedding given as a JSON string (CSV/Parquet columns) is parsed; anything else is left for zod. */
export function parseEmbedding(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
