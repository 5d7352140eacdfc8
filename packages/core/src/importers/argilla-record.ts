import { isPlainObject } from './source-fields.js';

export interface ArgillaResponse {
  readonly value: unknown;
  readonly user: unknown;
  readonly status: unknown;
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
