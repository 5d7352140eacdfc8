import type { ImportItem, Importer } from './import-item.js';
import { readArgillaRecord } from './argilla-record.js';
import { argillaRatingScale } from './argilla-settings.js';
import { isPlainObject, sourceFields } from './source-fields.js';
import { sourceRef } from './source-ref.js';
import { itemTexts } from './text-fields.js';

/**
 * Argilla records: v2 (flattened or nested) and v1 FeedbackDataset (records or the Hugging Face
 * export), see argilla-record.ts. Each user's response to a question becomes a label (labeler = the
 * user id); draft and discarded responses are skipped and counted. Suggestions become judge scores
 * (judge = the suggestion's `agent`). v2 stores no time for a response, so its labels need
 * `--labeled-at`, recorded as supplied in provenance; v1 server records give `updated_at`.
 */
export const argillaImporter: Importer = {
  name: 'argilla',
  title: 'Argilla records (v2 to_list/to_json, v1 FeedbackDataset)',
  kinds: ['labels', 'judge'],
  missing: { labeled_at: 'Argilla v2 records (and v1 records exported without server times) keep no time for their responses' },
  scaleFor: argillaRatingScale,
  looksLike: (r) =>
    Object.keys(r).some((k) => k.endsWith('.responses') || k.endsWith('.suggestion') || k.endsWith('-suggestion-metadata')) ||
    ('_server_id' in r && (isPlainObject(r['responses']) || isPlainObject(r['suggestions']) || isPlainObject(r['fields']))) ||
    (isPlainObject(r['fields']) && (Array.isArray(r['responses']) || Array.isArray(r['suggestions']))) ||
    ('external_id' in r && Object.values(r).some((v) => isPlainObject(v) && Array.isArray(v['user_id']) && Array.isArray(v['value']))),
  read(raw): ImportItem[] {
    const r = readArgillaRecord(raw);
    if ('reason' in r) return [{ kind: 'labels', value: { parseError: r.reason } }, { kind: 'judge', value: { parseError: r.reason } }];
    const id = r.id ?? r.serverId;
    const common = {
      item_id: typeof id === 'string' || typeof id === 'number' ? String(id) : undefined,
      ...itemTexts(r.fields),
      ...sourceFields(r.fields),
      ...(r.serverId === undefined || r.serverId === null ? {} : { 'src._server_id': String(r.serverId) }),
    };
    const items: ImportItem[] = (r.emptyResponses ?? []).map((status) => ({ kind: 'labels', skip: `${status} response with no answers` }));
    for (const [question, responses] of r.responses) {
      for (const resp of responses) {
        if (resp.status === 'discarded' || resp.status === 'draft') {
          items.push({ kind: 'labels', skip: `${resp.status} response` });
          continue;
        }
        const label = scalar(resp.value, question);
        const user = typeof resp.user === 'string' || typeof resp.user === 'number' ? String(resp.user) : undefined;
        items.push({
          kind: 'labels',
          question,
          value: 'reason' in label ? { parseError: label.reason } : {
            ...common,
            labeler_id: user,
            label: label.value,
            ...(typeof resp.time === 'string' && resp.time !== '' ? { labeled_at: resp.time } : {}),
            source_ref: sourceRef('argilla', { record: String(id), question, user }),
          },
        });
      }
    }
    for (const [question, s] of r.suggestions) {
      const score = scalar(s.value, question);
      const agent = typeof s.agent === 'string' && s.agent !== '' ? s.agent : undefined;
      items.push({
        kind: 'judge',
        question,
        ...(agent === undefined ? {} : { judge: agent }),
        value: 'reason' in score ? { parseError: score.reason } : {
          ...common,
          score: score.value,
          ...(typeof s.score === 'number' ? { 'src.suggestion.score': String(s.score) } : {}),
          source_ref: sourceRef('argilla', { record: String(id), question, agent }),
        },
      });
    }
    return items;
  },
};

function scalar(value: unknown, question: string): { value: string | number | boolean } | { reason: string } {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { value };
  if (Array.isArray(value)) {
    return { reason: `question "${question}": the answer is a list (${JSON.stringify(value).slice(0, 80)}), from a multi-label, ranking or span question; a label holds one value` };
  }
  return { reason: `question "${question}": unexpected answer ${JSON.stringify(value) ?? 'undefined'}` };
}
