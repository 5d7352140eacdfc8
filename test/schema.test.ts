import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

/**
 * A small JSON Schema (2020-12) checker for the keywords `z.toJSONSchema` emits for Touchstone's
 * record schemas: type, properties, required, additionalProperties, propertyNames, anyOf,
 * minLength, pattern. Any other keyword fails the test, so a schema change cannot slip past it.
 */
type Schema = Record<string, unknown>;
const KNOWN = new Set(['$schema', '$id', 'title', 'description', 'type', 'properties', 'required', 'additionalProperties', 'propertyNames', 'anyOf', 'minLength', 'pattern', 'format', 'items', 'minItems']);

function errors(schema: Schema, value: unknown, path = '$'): string[] {
  for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`unsupported keyword ${k} at ${path}`);
  const out: string[] = [];
  if (Array.isArray(schema['anyOf'])) {
    if (!(schema['anyOf'] as Schema[]).some((s) => errors(s, value, path).length === 0)) out.push(`${path}: matches no alternative`);
  }
  const type = schema['type'];
  if (type !== undefined && !hasType(value, type as string)) return [...out, `${path}: not ${String(type)}`];
  if (typeof value === 'string') {
    if (typeof schema['minLength'] === 'number' && [...value].length < schema['minLength']) out.push(`${path}: shorter than ${schema['minLength']}`);
    if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern'], 'u').test(value)) out.push(`${path}: does not match the pattern`);
  }
  if (type === 'array' && Array.isArray(value)) {
    if (typeof schema['minItems'] === 'number' && value.length < schema['minItems']) out.push(`${path}: fewer than ${schema['minItems']} items`);
    if (typeof schema['items'] === 'object') value.forEach((v, i) => out.push(...errors(schema['items'] as Schema, v, `${path}[${i}]`)));
  }
  if (type === 'object' && value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema['properties'] ?? {}) as Record<string, Schema>;
    for (const r of (schema['required'] ?? []) as string[]) if (!(r in obj)) out.push(`${path}.${r}: required`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k] !== undefined) out.push(...errors(props[k], v, `${path}.${k}`));
      else if (schema['additionalProperties'] === false) out.push(`${path}.${k}: not allowed`);
      else if (typeof schema['additionalProperties'] === 'object') out.push(...errors(schema['additionalProperties'] as Schema, v, `${path}.${k}`));
      if (typeof schema['propertyNames'] === 'object') out.push(...errors(schema['propertyNames'] as Schema, k, `${path}.${k} (name)`));
    }
  }
  return out;
}

function hasType(v: unknown, t: string): boolean {
  if (t === 'object') return v !== null && typeof v === 'object' && !Array.isArray(v);
  if (t === 'array') return Array.isArray(v);
  if (t === 'number') return typeof v === 'number';
  if (t === 'integer') return Number.isInteger(v);
  return typeof v === t;
}

async function schemaOf(kind: string): Promise<Schema> {
  const r = await runCli(['schema', kind]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Schema;
}

describe('touchstone schema', () => {
  it('prints the label record JSON Schema: accepts a canonical label, rejects broken ones with the reason', async () => {
    const s = await schemaOf('labels');
    expect(s).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Touchstone label record', type: 'object' });
    expect(s['required']).toEqual(['item_id', 'labeler_id', 'label', 'labeled_at']);
    expect(Object.keys(s['properties'] as object)).toEqual(['item_id', 'labeler_id', 'label', 'labeled_at', 'slice', 'guideline_version', 'session_id', 'input', 'output', 'reference', 'rationale', 'source_ref', 'metadata', 'trace_id', 'embedding']);
    // Cross-checked once with python-jsonschema 4.26.0 (Draft202012Validator) on this schema: `good` has no
    // errors; labeled_at 'yesterday' fails the pattern; label '' is "not valid under any of the given schemas".
    const good = { item_id: 'q-17', labeler_id: 'ann-3', label: 4, labeled_at: '2026-01-05T10:00:00Z', slice: 'billing', rationale: 'ok', extra_field: 'ignored' };
    expect(errors(s, good)).toEqual([]);
    expect(errors(s, { ...good, label: true, labeled_at: '2026-01-05T10:00:00.123+02:00' })).toEqual([]);
    expect(errors(s, { ...good, labeled_at: 'yesterday' })).toEqual(['$.labeled_at: does not match the pattern']);
    expect(errors(s, { ...good, label: '' })).toEqual(['$.label: matches no alternative']);
    expect(errors(s, { labeler_id: 'a', label: 1, labeled_at: '2026-01-05T10:00:00Z' })).toEqual(['$.item_id: required']);
    expect(errors(s, { ...good, item_id: 17 })).toEqual(['$.item_id: not string']);
    // Item provenance and embeddings (issue 13): metadata of strings, a trace id, an array of numbers.
    expect(errors(s, { ...good, metadata: { intent: 'refund' }, trace_id: 'req-1', embedding: [0.1, -0.2] })).toEqual([]);
    expect(errors(s, { ...good, embedding: [] })).toEqual(['$.embedding: fewer than 1 items']);
    expect(errors(s, { ...good, embedding: ['x'] })).toEqual(['$.embedding[0]: not number']);
  });

  it('prints the traffic and judge score schemas', async () => {
    const t = await schemaOf('traffic');
    expect(t['required']).toEqual(['id', 'timestamp', 'input']);
    const request = { id: 'r1', timestamp: '2026-02-01T12:00:00Z', input: 'hi', judge_score: 0.7, metadata: { model: 'gpt-4o', locale: 'en' } };
    expect(errors(t, request)).toEqual([]);
    expect(errors(t, { ...request, metadata: { tokens: 12 } })).toEqual(['$.metadata.tokens: not string']);
    const j = await schemaOf('judge');
    expect(j['required']).toEqual(['item_id', 'judge', 'score']);
    expect(errors(j, { item_id: 'q-1', judge: 'gpt-judge@v3', score: 'pass', scored_at: '2026-02-01T12:00:00Z' })).toEqual([]);
    expect(errors(j, { item_id: 'q-1', judge: 'gpt-judge@v3' })).toEqual(['$.score: required']);
  });

  it('exits 2 on an unknown record format', async () => {
    const r = await runCli(['schema', 'items']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"items" is not a record format; use labels, traffic or judge');
  });
});
