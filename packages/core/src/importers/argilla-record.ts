import { isPlainObject } from './source-fields.js';

export interface ArgillaResponse {
  readonly value: unknown;
  readonly user: unknown;
  readonly status: unknown;
  /** When the response was last saved: Argilla v1's server records carry `updated_at`; v2 exports carry no time. */
  readonly time?: unknown;
}
export interface ArgillaSuggestion {
  readonly value: unknown;
  readonly score: unknown;
  readonly agent: unknown;
}
/** An Argilla v2 record with its answers grouped by question, whichever way it was exported. */
export interface ArgillaRecord {
  readonly id: unknown;
  readonly serverId: unknown;
  /** Fields and metadata (what `flatten=True` puts at the top level). */
  readonly fields: Record<string, unknown>;
  readonly responses: Map<string, ArgillaResponse[]>;
  readonly suggestions: Map<string, ArgillaSuggestion>;
  /** Statuses of v1 responses that answered no question (a discarded response keeps `values: {}`), to count as skipped. */
  readonly emptyResponses?: readonly string[];
}

const RESPONSES = '.responses';
const SUGGESTION = '.suggestion';

/**
 * Reads both shapes of an Argilla v2 record: flattened (`records.to_list(flatten=True)`, HF
 * `to_datasets()`: `{q}.responses`, `{q}.responses.users`, `{q}.responses.status`,
 * `{q}.suggestion`, `{q}.suggestion.score`, `{q}.suggestion.agent`) and nested (`to_json`:
 * `responses: {q: [{value, user_id}]}`, `suggestions: {q: {value, score, agent}}`).
 * Returns a reason when the parallel response lists disagree in length.
 */
export function readArgillaRecord(r: Record<string, unknown>): ArgillaRecord | { readonly reason: string } {
  if (Array.isArray(r['responses']) || Array.isArray(r['suggestions'])) return readV1Record(r);
  if (Object.keys(r).some((k) => isV1HubAnswer(r[k]))) return readV1HubRow(r);
  const responses = new Map<string, ArgillaResponse[]>();
  const suggestions = new Map<string, ArgillaSuggestion>();
  const fields: Record<string, unknown> = {};
  if (isPlainObject(r['responses']) || isPlainObject(r['suggestions'])) {
    for (const [q, list] of Object.entries(isPlainObject(r['responses']) ? r['responses'] : {})) {
      if (!Array.isArray(list)) return { reason: `responses.${q} is not a list` };
      responses.set(q, list.map((x: unknown) => (isPlainObject(x) ? { value: x['value'], user: x['user_id'], status: x['status'] } : { value: x, user: undefined, status: undefined })));
    }
    for (const [q, s] of Object.entries(isPlainObject(r['suggestions']) ? r['suggestions'] : {})) {
      if (isPlainObject(s)) suggestions.set(q, { value: s['value'], score: s['score'], agent: s['agent'] });
    }
    Object.assign(fields, isPlainObject(r['fields']) ? r['fields'] : {}, isPlainObject(r['metadata']) ? r['metadata'] : {});
    return { id: r['id'], serverId: r['_server_id'], fields, responses, suggestions };
  }
  for (const [key, value] of Object.entries(r)) {
    if (key.endsWith(RESPONSES)) {
      const q = key.slice(0, -RESPONSES.length);
      const users = r[`${key}.users`];
      const status = r[`${key}.status`];
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value) || !Array.isArray(users) || (status !== undefined && status !== null && !Array.isArray(status))) {
        return { reason: `${key} and ${key}.users must be lists` };
      }
      if (users.length !== value.length || (Array.isArray(status) && status.length !== value.length)) {
        return { reason: `${key} has ${value.length} values but ${key}.users ${users.length}${Array.isArray(status) ? ` and ${key}.status ${status.length}` : ''}` };
      }
      responses.set(q, value.map((v: unknown, i) => ({ value: v, user: users[i], status: Array.isArray(status) ? status[i] : undefined })));
    } else if (key.endsWith(SUGGESTION)) {
      const q = key.slice(0, -SUGGESTION.length);
      if (value !== null && value !== undefined) suggestions.set(q, { value, score: r[`${key}.score`], agent: r[`${key}.agent`] });
    } else if (!/\.(responses\.(users|status)|suggestion\.(score|agent))$/.test(key) && key !== 'id' && key !== '_server_id') {
      fields[key] = value;
    }
  }
  return { id: r['id'], serverId: r['_server_id'], fields, responses, suggestions };
}

/**
 * Argilla v1 `FeedbackRecord` (`dataset.records`, the v1 REST API `GET /api/v1/datasets/{id}/records?include=responses`):
 * `{fields, metadata, external_id, responses: [{user_id, values: {q: {value}}, status, updated_at?}],
 * suggestions: [{question_name | question_id, value, score, agent}]}`.
 */
function readV1Record(r: Record<string, unknown>): ArgillaRecord | { readonly reason: string } {
  const responses = new Map<string, ArgillaResponse[]>();
  const suggestions = new Map<string, ArgillaSuggestion>();
  const emptyResponses: string[] = [];
  for (const resp of Array.isArray(r['responses']) ? r['responses'] : []) {
    if (!isPlainObject(resp)) return { reason: 'responses: expected a list of objects {user_id, values, status}' };
    const values = isPlainObject(resp['values']) ? resp['values'] : {};
    if (Object.keys(values).length === 0) emptyResponses.push(typeof resp['status'] === 'string' ? resp['status'] : 'unknown');
    for (const [q, v] of Object.entries(values)) {
      const list = responses.get(q) ?? [];
      list.push({ value: isPlainObject(v) ? v['value'] : v, user: resp['user_id'], status: resp['status'], time: resp['updated_at'] ?? resp['inserted_at'] });
      responses.set(q, list);
    }
  }
  for (const sg of Array.isArray(r['suggestions']) ? r['suggestions'] : []) {
    if (!isPlainObject(sg)) continue;
    const q = sg['question_name'] ?? sg['question_id'];
    if (typeof q === 'string') suggestions.set(q, { value: sg['value'], score: sg['score'], agent: sg['agent'] });
  }
  const fields = { ...(isPlainObject(r['fields']) ? r['fields'] : {}), ...(isPlainObject(r['metadata']) ? r['metadata'] : {}) };
  return { id: r['external_id'] ?? r['id'], serverId: r['external_id'] === undefined || r['external_id'] === null ? undefined : r['id'], fields, responses, suggestions, emptyResponses };
}

/** A v1 Hugging Face export answer column: `{user_id: [], value: [], status: []}` (a Sequence of structs) or the same as a list of objects. */
function isV1HubAnswer(v: unknown): boolean {
  if (isPlainObject(v)) return Array.isArray(v['user_id']) && Array.isArray(v['value']);
  return Array.isArray(v) && v.length > 0 && v.every((x) => isPlainObject(x) && 'user_id' in x && 'value' in x && 'status' in x);
}

/**
 * Argilla v1 `FeedbackDataset.push_to_huggingface` / `format_as("datasets")` rows: each field a
 * column, each question `q` a column of its responses (`{user_id, value, status}`), `q-suggestion`
 * and `q-suggestion-metadata` `{type, score, agent}`, `external_id`, and `metadata` as JSON text.
 */
function readV1HubRow(r: Record<string, unknown>): ArgillaRecord | { readonly reason: string } {
  const responses = new Map<string, ArgillaResponse[]>();
  const suggestions = new Map<string, ArgillaSuggestion>();
  const fields: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(r)) {
    if (isV1HubAnswer(v)) {
      const list = Array.isArray(v) ? (v as Record<string, unknown>[]) : columns(v as Record<string, unknown>);
      if (list === undefined) return { reason: `${key}: user_id, value and status lists differ in length` };
      responses.set(key, list.map((x) => ({ value: x['value'], user: x['user_id'], status: x['status'] })));
    } else if (key.endsWith('-suggestion') && v !== null && v !== undefined) {
      const meta = r[`${key}-metadata`];
      suggestions.set(key.slice(0, -'-suggestion'.length), { value: v, score: isPlainObject(meta) ? meta['score'] : undefined, agent: isPlainObject(meta) ? meta['agent'] : undefined });
    } else if (!key.endsWith('-suggestion-metadata') && !key.endsWith('-suggestion') && key !== 'external_id' && key !== 'metadata' && key !== 'vectors') {
      fields[key] = v;
    }
  }
  const meta = typeof r['metadata'] === 'string' ? safeJson(r['metadata']) : r['metadata'];
  if (isPlainObject(meta)) Object.assign(fields, meta);
  return { id: r['external_id'], serverId: undefined, fields, responses, suggestions };
}

function columns(v: Record<string, unknown>): Record<string, unknown>[] | undefined {
  const users = v['user_id'] as unknown[];
  const values = v['value'] as unknown[];
  const status = Array.isArray(v['status']) ? v['status'] : undefined;
  if (users.length !== values.length || (status !== undefined && status.length !== values.length)) return undefined;
  return values.map((value, i) => ({ value, user_id: users[i], status: status?.[i] }));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
