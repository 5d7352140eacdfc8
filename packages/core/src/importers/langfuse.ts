import type { ImportItem, Importer } from './import-item.js';
import { langfuseScore } from './langfuse-score.js';
import { parseJsonText } from './json-text.js';
import { messageText } from './message-text.js';
import { stringMetadata } from './string-metadata.js';
import { isPlainObject, sourceFields } from './source-fields.js';
import { sourceRef } from './source-ref.js';

const SCORE_SOURCES = ['ANNOTATION', 'API', 'EVAL'];
/** Fields only a Langfuse trace has; a canonical traffic record ({id, timestamp, input}) has none of them. */
const LANGFUSE_TRACE_KEYS = ['sessionId', 'userId', 'projectId', 'htmlPath', 'latency', 'totalCost', 'observations', 'bookmarked'];

/**
 * Langfuse exports (UI export, public API pages `{data: […], meta}`, blob-storage JSONL, or the
 * UI's "Download trace as JSON" `{trace, observations}`), one object per trace, observation or
 * score, told apart by their fields. Traces are traffic; so are GENERATION observations, unless the
 * export also holds traces (then they are parts of those requests). `input`, `output` and
 * `metadata` stored as JSON text are parsed first. A trace or generation without input is skipped
 * and counted (Langfuse often records the input on one level only). Scores with source ANNOTATION
 * are labels (labeler = `authorUserId`), with source EVAL judge scores (judge = the score name); API
 * scores and CORRECTION scores (an edited output, not a verdict) are skipped and counted. A trace
 * may embed its observations and scores (GET /traces/{id}); those are read too.
 */
export const langfuseImporter: Importer = {
  name: 'langfuse',
  title: 'Langfuse traces, observations and scores (JSON or JSONL)',
  kinds: ['labels', 'judge', 'traffic'],
  looksLike: (r) => isDownload(r) || isScore(r) || isObservation(r) || (isTrace(r) && LANGFUSE_TRACE_KEYS.some((k) => k in r)),
  read(r): ImportItem[] {
    if (isDownload(r)) return download(r);
    if (isScore(r)) return langfuseScore(r);
    if (isObservation(r)) return [observation(r)];
    if (isTrace(r)) {
      const items: ImportItem[] = [trace(r)];
      for (const o of Array.isArray(r['observations']) ? r['observations'] : []) if (isPlainObject(o)) items.push(observation(o));
      for (const s of Array.isArray(r['scores']) ? r['scores'] : []) if (isPlainObject(s)) items.push(...langfuseScore(s));
      return items;
    }
    return [{ kind: 'traffic', value: { parseError: 'not a Langfuse trace, observation or score' } }];
  },
};

/** The UI's trace download: `{trace, observations}` (and `scores` in newer versions). */
function isDownload(r: Record<string, unknown>): r is Record<string, unknown> & { trace: Record<string, unknown> } {
  return isPlainObject(r['trace']) && isTrace(r['trace']) && (Array.isArray(r['observations']) || Array.isArray(r['scores']));
}

function download(r: Record<string, unknown> & { trace: Record<string, unknown> }): ImportItem[] {
  const own = Array.isArray(r['observations']) ? r['observations'] : undefined;
  const scores = Array.isArray(r['scores']) ? r['scores'] : undefined;
  const t = r.trace;
  return langfuseImporter.read({ ...t, observations: own ?? t['observations'] ?? [], scores: scores ?? t['scores'] ?? [] });
}

function isScore(r: Record<string, unknown>): boolean {
  return typeof r['name'] === 'string' && (SCORE_SOURCES.includes(String(r['source'])) || typeof r['dataType'] === 'string') &&
    ('traceId' in r || 'observationId' in r || 'sessionId' in r);
}
function isObservation(r: Record<string, unknown>): boolean {
  return typeof r['traceId'] === 'string' && typeof r['type'] === 'string' && 'startTime' in r;
}
function isTrace(r: Record<string, unknown>): boolean {
  return typeof r['id'] === 'string' && 'timestamp' in r && !('traceId' in r);
}

function trace(r: Record<string, unknown>): ImportItem {
  const input = messageText(parseJsonText(r['input']), 'input');
  if (input === undefined || input === '') return { kind: 'traffic', skip: 'trace without input' };
  return {
    kind: 'traffic',
    rank: 0,
    value: {
      id: r['id'],
      timestamp: r['timestamp'],
      input,
      output: messageText(parseJsonText(r['output']), 'output'),
      metadata: stringMetadata(parseJsonText(r['metadata']), {
        name: r['name'], user_id: r['userId'], session_id: r['sessionId'], release: r['release'], version: r['version'],
        environment: r['environment'], tags: Array.isArray(r['tags']) ? r['tags'].join(',') : undefined,
      }),
      ...sourceFields(r),
      source_ref: sourceRef('langfuse', { trace: String(r['id']) }),
    },
  };
}

function observation(r: Record<string, unknown>): ImportItem {
  if (r['type'] !== 'GENERATION') return { kind: 'traffic', skip: `${String(r['type']).toLowerCase()} observation (not a model call)` };
  const input = messageText(parseJsonText(r['input']), 'input');
  if (input === undefined || input === '') return { kind: 'traffic', skip: 'generation without input' };
  return {
    kind: 'traffic',
    rank: 1,
    rankNote: 'generation inside an exported trace',
    value: {
      id: r['id'],
      timestamp: r['startTime'],
      input,
      output: messageText(parseJsonText(r['output']), 'output'),
      metadata: stringMetadata(parseJsonText(r['metadata']), {
        model: r['model'], name: r['name'], trace_id: r['traceId'], environment: r['environment'], version: r['version'],
        prompt_name: r['promptName'], prompt_version: r['promptVersion'],
      }),
      ...sourceFields(r),
      source_ref: sourceRef('langfuse', { trace: String(r['traceId']), observation: String(r['id']) }),
    },
  };
}
