import { z } from 'zod';
import { unixSecondsToIso } from './epoch-time.js';
import type { ImportItem, Importer } from './import-item.js';
import { sourceFields } from './source-fields.js';
import { sourceRef } from './source-ref.js';
import { itemTexts } from './text-fields.js';
import { zodReason } from './zod-reason.js';

const Hash = z.union([z.number(), z.string()]);
const LineSchema = z.looseObject({
  _input_hash: Hash.optional(),
  _task_hash: Hash.optional(),
  _view_id: z.string().optional(),
  answer: z.string().optional(),
  _timestamp: z.number().optional(),
  _annotator_id: z.string().optional(),
  _session_id: z.string().optional(),
  label: z.string().optional(),
  accept: z.array(z.union([z.string(), z.number()])).optional(),
});

/**
 * Prodigy JSONL (`prodigy db-out`): one annotated task per line. Labeler = `_annotator_id`,
 * session = `_session_id`, time = `_timestamp` (Unix seconds). The label: the accepted option of
 * a choice task (`accept[]`; question "choice"), or for a binary task with a `label`, whether it was
 * accepted (question = that label). `ignore` answers are skipped and counted. The item is
 * `_input_hash` (the same input annotated twice is the same item); its text is `text`.
 */
export const prodigyImporter: Importer = {
  name: 'prodigy',
  title: 'Prodigy JSONL (prodigy db-out)',
  kinds: ['labels'],
  looksLike: (r) => r['_input_hash'] !== undefined && r['_task_hash'] !== undefined,
  read(record): ImportItem[] {
    const parsed = LineSchema.safeParse(record);
    if (!parsed.success) return [{ kind: 'labels', value: { parseError: zodReason('Prodigy task', parsed.error) } }];
    const t = parsed.data;
    if (t.answer === 'ignore') return [{ kind: 'labels', skip: 'ignore answer' }];
    if (t.answer !== 'accept' && t.answer !== 'reject') {
      return [{ kind: 'labels', value: { parseError: `answer is ${t.answer === undefined ? 'missing' : `"${t.answer}"`}; expected accept, reject or ignore` } }];
    }
    const base = {
      item_id: t._input_hash === undefined ? undefined : String(t._input_hash),
      labeler_id: t._annotator_id,
      labeled_at: t._timestamp === undefined ? undefined : unixSecondsToIso(t._timestamp),
      session_id: t._session_id,
      ...itemTexts(record, ['answer']),
      ...sourceFields(record),
      source_ref: sourceRef('prodigy', { input_hash: t._input_hash, task_hash: t._task_hash, view: t._view_id }),
    };
    if (t.accept !== undefined) {
      if (t.answer === 'reject') return [{ kind: 'labels', skip: 'rejected choice task (no option is the label)' }];
      if (t.accept.length !== 1) {
        const reason = t.accept.length === 0 ? 'accepted with no option selected' : `${t.accept.length} options accepted (${t.accept.join(', ')}); a label holds one value`;
        return [{ kind: 'labels', question: 'choice', value: { parseError: reason } }];
      }
      return [{ kind: 'labels', question: 'choice', value: { ...base, label: t.accept[0] } }];
    }
    if (t.label !== undefined) return [{ kind: 'labels', question: t.label, value: { ...base, label: t.answer === 'accept' } }];
    // A custom recipe: the label may be in another field (--map label=src.rating).
    return [{ kind: 'labels', value: base }];
  },
};
