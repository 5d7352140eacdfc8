import type { ImportItem } from './import-item.js';
import { sourceFields } from './source-fields.js';
import { sourceRef } from './source-ref.js';

/**
 * One Langfuse score: ANNOTATION → a label, EVAL → a judge score, API → skipped; a CORRECTION
 * (its `stringValue` is a corrected output, its `value` a meaningless 0) is skipped. The item is the
 * scored observation, else the scored trace (the ids traffic records carry). The value follows
 * `dataType`: NUMERIC → `value`, BOOLEAN → true/false, CATEGORICAL → `stringValue`.
 */
export function langfuseScore(r: Record<string, unknown>): ImportItem[] {
  const source = String(r['source'] ?? '');
  const name = String(r['name']);
  const kind = source === 'ANNOTATION' ? 'labels' : source === 'EVAL' ? 'judge' : undefined;
  if (kind === undefined) {
    const skip = `score with source ${source === '' ? '(none)' : source} (neither a human annotation nor an evaluator)`;
    return [{ kind: 'labels', skip }, { kind: 'judge', skip }];
  }
  if (r['dataType'] === 'CORRECTION') return [{ kind, skip: 'CORRECTION score (a human-edited output, not a label or score)' }];
  const item = r['observationId'] ?? r['traceId'];
  if (typeof item !== 'string' || item === '') return [{ kind, skip: 'score on a session or dataset run, not on one request' }];
  const value = scoreValue(r);
  const ref = sourceRef('langfuse', { score: str(r['id']), name, trace: str(r['traceId']), observation: str(r['observationId']) });
  const common = { item_id: item, rationale: str(r['comment']), ...sourceFields(r), source_ref: ref };
  if ('reason' in value) return [{ kind, question: name, ...(kind === 'judge' ? { judge: name } : {}), value: { parseError: `score ${str(r['id']) ?? ''} "${name}": ${value.reason}` } }];
  if (kind === 'labels') {
    return [{ kind, question: name, value: { ...common, labeler_id: str(r['authorUserId']), label: value.value, labeled_at: r['timestamp'] } }];
  }
  return [{ kind, question: name, judge: name, value: { ...common, score: value.value, scored_at: r['timestamp'] } }];
}

function scoreValue(r: Record<string, unknown>): { value: number | boolean | string } | { reason: string } {
  const v = r['value'];
  const s = r['stringValue'];
  switch (r['dataType']) {
    case 'BOOLEAN':
      if (v === 1 || v === 0) return { value: v === 1 };
      if (s === 'True' || s === 'False' || s === 'true' || s === 'false') return { value: s.toLowerCase() === 'true' };
      return { reason: `BOOLEAN score with value ${JSON.stringify(v)}` };
    case 'CATEGORICAL':
      if (typeof s === 'string' && s !== '') return { value: s };
      return { reason: 'CATEGORICAL score without stringValue' };
    default:
      if (typeof v === 'number') return { value: v };
      if (typeof s === 'string' && s !== '') return { value: s };
      return { reason: 'no value' };
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
