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
  _view_id: z.string().nullish(),
  answer: z.string().optional(),
  _timestamp: z.number().nullish(),
  // Absent before Prodigy 1.10 (named multi-user sessions); `_session_id` may be null.
  _annotator_id: z.string().nullish(),
  _session_id: z.string().nullish(),
  label: z.string().nullish(),
  accept: z.array(z.union([z.string(), z.number()])).nullish(),
  options: z.array(z.looseObject({ id: z.union([z.string(), z.number()]).optional() })).nullish(),
  spans: z.array(z.unknown()).nullish(),
});

/** Interfaces whose answers label parts of the text (entities, spans, relations, regions), not the item. */
const SPAN_VIEWS = ['ner', 'ner_manual', 'spans', 'spans_manual', 'pos', 'pos_manual', 'relations', 'dep', 'image_manual', 'audio_manual'];

/**
 * Prodigy JSONL (`prodigy db-out`): one annotated task per line. Labeler = `_annotator_id`, else
 * `_session_id` (the same `{dataset}-{session}` name; exports before Prodigy 1.10 have neither, and
 * the labeler is then named with `--labeler`); session = `_session_id`; time = `_timestamp` (Unix
 * seconds; absent in old exports, then `--labeled-at`). The label: the accepted option of a choice
 * task (`accept[]`; question "choice"), or for a binary task with a `label`, whether it was accepted
 * (question = that label). `ignore` answers are skipped and counted. Span tasks (NER, spans,
 * relations) label parts of the text, not the item, and are refused. The item is `_input_hash`.
 */
export const prodigyImporter: Importer = {
  name: 'prodigy',
  title: 'Prodigy JSONL (prodigy db-out)',
  kinds: ['labels'],
  missing: {
    labeler_id: 'no _annotator_id or _session_id (Prodigy before 1.10 records no annotator)',
    labeled_at: 'no _timestamp (older Prodigy versions record no time)',
  },
  looksLike: (r) => r['_input_hash'] !== undefined && r['_task_hash'] !== undefined,
  read(record): ImportItem[] {
    const parsed = LineSchema.safeParse(record);
    if (!parsed.success) return [{ kind: 'labels', value: { parseError: zodReason('Prodigy task', parsed.error, record) } }];
    const t = parsed.data;
    if (t.answer === 'ignore') return [{ kind: 'labels', skip: 'ignore answer' }];
    const spans = spanTask(t);
    if (spans !== undefined) return [{ kind: 'labels', question: 'spans', value: { parseError: spans } }];
    if (t.answer !== 'accept' && t.answer !== 'reject') {
      return [{ kind: 'labels', value: { parseError: `answer: ${t.answer === undefined ? 'missing' : `"${t.answer}"`}; expected accept, reject or ignore` } }];
    }
    let labeledAt: string | undefined;
    if (t._timestamp !== undefined && t._timestamp !== null) {
      labeledAt = unixSecondsToIso(t._timestamp);
      if (labeledAt === undefined) return [{ kind: 'labels', value: { parseError: `_timestamp: ${t._timestamp} is not a time in Unix seconds` } }];
    }
    const base = {
      item_id: t._input_hash === undefined ? undefined : String(t._input_hash),
      labeler_id: t._annotator_id ?? t._session_id ?? undefined,
      labeled_at: labeledAt,
      session_id: t._session_id ?? undefined,
      ...itemTexts(record, ['answer']),
      ...sourceFields(record),
      source_ref: sourceRef('prodigy', { input_hash: t._input_hash, task_hash: t._task_hash, view: t._view_id }),
    };
    if (t.accept !== undefined && t.accept !== null && (t.options !== undefined || t._view_id === 'choice' || t.accept.length > 0)) {
      if (t.answer === 'reject') return [{ kind: 'labels', skip: 'rejected choice task (no option is the label)' }];
      if (t.accept.length !== 1) {
        const reason = t.accept.length === 0 ? 'accept: no option selected' : `accept: ${t.accept.length} options accepted (${t.accept.join(', ')}); a label holds one value`;
        return [{ kind: 'labels', question: 'choice', value: { parseError: reason } }];
      }
      return [{ kind: 'labels', question: 'choice', value: { ...base, label: t.accept[0] } }];
    }
    if (t.label !== undefined && t.label !== null) return [{ kind: 'labels', question: t.label, value: { ...base, label: t.answer === 'accept' } }];
    // A custom recipe: the label may be in another field (--map label=src.rating).
    return [{ kind: 'labels', value: base }];
  },
};

/** Why a task is refused as a span task, or undefined when it labels the item. */
function spanTask(t: z.infer<typeof LineSchema>): string | undefined {
  const n = t.spans?.length ?? 0;
  const view = t._view_id ?? undefined;
  const isSpanView = view !== undefined && SPAN_VIEWS.includes(view);
  if (!isSpanView && (view !== undefined || n === 0 || t.label != null || t.accept != null)) return undefined;
  return `a ${view ?? 'span'} task with ${n} span${n === 1 ? '' : 's'}: spans label parts of the text, not the item, so they are not labels of an item (import classification, choice or binary accept/reject tasks)`;
}
