import { isPlainObject } from './source-fields.js';

/**
 * An OTLP/JSON `AnyValue` as a plain value: `{stringValue}`, `{intValue}` (a decimal string in
 * OTLP/JSON, since int64 does not fit a JSON number), `{doubleValue}`, `{boolValue}`,
 * `{arrayValue: {values}}`, `{kvlistValue: {values: [{key, value}]}}`, `{bytesValue}` (base64).
 */
export function otlpValue(v: unknown): unknown {
  if (!isPlainObject(v)) return undefined;
  if ('stringValue' in v) return v['stringValue'];
  if ('boolValue' in v) return v['boolValue'];
  if ('intValue' in v) return Number(v['intValue']);
  if ('doubleValue' in v) return Number(v['doubleValue']);
  if ('bytesValue' in v) return v['bytesValue'];
  if (isPlainObject(v['arrayValue'])) return (Array.isArray(v['arrayValue']['values']) ? v['arrayValue']['values'] : []).map(otlpValue);
  if (isPlainObject(v['kvlistValue'])) return otlpAttributes(v['kvlistValue']['values']);
  return undefined;
}

/** OTLP `attributes: [{key, value}]` as an object keyed by attribute name (dots kept in the keys). */
export function otlpAttributes(list: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!Array.isArray(list)) return out;
  for (const kv of list) if (isPlainObject(kv) && typeof kv['key'] === 'string') out[kv['key']] = otlpValue(kv['value']);
  return out;
}

/** `gen_ai.input.messages` and friends: structured in OTLP, or a JSON string when the SDK could only record strings. */
export function structuredAttribute(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  if (!t.startsWith('[') && !t.startsWith('{')) return value;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return value;
  }
}

/** Attribute values as text for `src.*` fields and metadata. */
export function attributeText(attrs: Readonly<Record<string, unknown>>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    out[`${prefix}${k}`] = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  }
  return out;
}
