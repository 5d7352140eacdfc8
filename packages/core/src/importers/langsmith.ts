import type { ImportItem, Importer } from './import-item.js';
import { messageText } from './message-text.js';
import { stringMetadata } from './string-metadata.js';
import { isPlainObject, sourceFields } from './source-fields.js';
import { sourceRef } from './source-ref.js';

/** feedback_source.type values written by people (the LangSmith app, the API/SDK) and by evaluators. */
const HUMAN_SOURCES = ['app', 'api'];
const JUDGE_SOURCES = ['model', 'evaluator', 'auto_eval'];

/**
 * LangSmith runs and feedback (JSON or JSONL, e.g. from `client.list_runs` / `list_feedback`).
 * Root runs are traffic; child runs (`parent_run_id` set: LLM calls, tools, retrievers inside a
 * request) are skipped and counted, since the request is the root run. Feedback is a label
 * when a person gave it (`feedback_source.type` app or api; labeler = `user_id`, else `user_name`)
 * and a judge score when an evaluator did (model, evaluator, auto_eval; judge = the feedback `key`).
 * The item is the run. LangSmith timestamps carry no offset; they are UTC.
 */
export const langsmithImporter: Importer = {
  name: 'langsmith',
  title: 'LangSmith runs and feedback (JSON or JSONL)',
  kinds: ['labels', 'judge', 'traffic'],
  looksLike: (r) => isRun(r) || isFeedback(r),
  read(r): ImportItem[] {
    if (isFeedback(r)) return feedback(r);
    if (isRun(r)) return [run(r)];
    return [{ kind: 'traffic', value: { parseError: 'not a LangSmith run or feedback' } }];
  },
};

function isRun(r: Record<string, unknown>): boolean {
  return typeof r['run_type'] === 'string' && 'start_time' in r;
}
function isFeedback(r: Record<string, unknown>): boolean {
  return typeof r['key'] === 'string' && ('run_id' in r || 'trace_id' in r) && ('feedback_source' in r || 'score' in r);
}

function run(r: Record<string, unknown>): ImportItem {
  const root = r['parent_run_id'] === undefined || r['parent_run_id'] === null || r['parent_run_id'] === '' || r['is_root'] === true;
  if (!root) return { kind: 'traffic', skip: `child run (${typeof r['run_type'] === 'string' ? r['run_type'] : 'run'} inside a request; only root runs are imported)` };
  const extra = isPlainObject(r['extra']) ? r['extra'] : {};
  const meta = isPlainObject(extra['metadata']) ? extra['metadata'] : {};
  const params = isPlainObject(extra['invocation_params']) ? extra['invocation_params'] : {};
  return {
    kind: 'traffic',
    value: {
      id: r['id'],
      timestamp: r['start_time'],
      input: messageText(r['inputs'], 'input'),
      output: messageText(r['outputs'], 'output'),
      metadata: stringMetadata(meta, {
        name: r['name'], run_type: r['run_type'], model: meta['ls_model_name'] ?? params['model'] ?? params['model_name'],
        provider: meta['ls_provider'], tags: Array.isArray(r['tags']) ? r['tags'].join(',') : undefined, error: r['error'],
      }),
      ...sourceFields(r),
      source_ref: sourceRef('langsmith', { run: str(r['id']), trace: str(r['trace_id']) }),
    },
  };
}

function feedback(r: Record<string, unknown>): ImportItem[] {
  const fs = isPlainObject(r['feedback_source']) ? r['feedback_source'] : {};
  const type = str(fs['type']) ?? '';
  const key = String(r['key']);
  const kind = HUMAN_SOURCES.includes(type) ? 'labels' : JUDGE_SOURCES.includes(type) ? 'judge' : undefined;
  if (kind === undefined) {
    const skip = `feedback with source type ${type === '' ? '(none)' : type} (neither a person nor an evaluator)`;
    return [{ kind: 'labels', skip }, { kind: 'judge', skip }];
  }
  const item = str(r['run_id']) ?? str(r['trace_id']);
  const v = feedbackValue(r);
  const common = {
    item_id: item,
    rationale: str(r['comment']),
    ...sourceFields(r),
    source_ref: sourceRef('langsmith', { feedback: str(r['id']), key, run: str(r['run_id']), source: type }),
  };
  const judge = kind === 'judge' ? { judge: key } : {};
  if ('reason' in v) return [{ kind, question: key, ...judge, value: { parseError: `feedback ${str(r['id']) ?? ''} "${key}": ${v.reason}` } }];
  if (kind === 'labels') {
    const labeler = str(fs['user_id']) ?? str(fs['user_name']) ?? str(fs['ls_user_id']);
    return [{ kind, question: key, value: { ...common, labeler_id: labeler, label: v.value, labeled_at: r['created_at'] } }];
  }
  return [{ kind, question: key, ...judge, value: { ...common, score: v.value, scored_at: r['created_at'] } }];
}

/** A categorical `value` (text) names the answer better than its numeric `score`; otherwise the score. */
function feedbackValue(r: Record<string, unknown>): { value: number | boolean | string } | { reason: string } {
  const value = r['value'];
  const score = r['score'];
  if (typeof value === 'string' && value !== '') return { value };
  if (typeof score === 'number' || typeof score === 'boolean') return { value: score };
  if (typeof value === 'number' || typeof value === 'boolean') return { value };
  return { reason: 'neither score nor value' };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
