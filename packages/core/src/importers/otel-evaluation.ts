import type { ImportItem } from './import-item.js';
import { unixNanosToIso } from './epoch-time.js';
import { attributeText } from './otlp-value.js';
import { sourceRef } from './source-ref.js';

/**
 * One `gen_ai.evaluation.result` event as a judge score: judge and question =
 * `gen_ai.evaluation.name`, score = `gen_ai.evaluation.score.value` (else the `score.label`),
 * rationale = `gen_ai.evaluation.explanation`. The item is the evaluated span (the event's parent),
 * else `gen_ai.response.id` as the conventions advise when no span id is available.
 */
export function otelEvaluation(attrs: Readonly<Record<string, unknown>>, at: { traceId: unknown; spanId: unknown; time: unknown }): ImportItem {
  const name = attrs['gen_ai.evaluation.name'];
  const value = attrs['gen_ai.evaluation.score.value'];
  const label = attrs['gen_ai.evaluation.score.label'];
  const spanId = typeof at.spanId === 'string' && at.spanId !== '' ? at.spanId : undefined;
  const responseId = typeof attrs['gen_ai.response.id'] === 'string' ? attrs['gen_ai.response.id'] : undefined;
  const judge = typeof name === 'string' && name !== '' ? name : undefined;
  const score = typeof value === 'number' && Number.isFinite(value) ? value : typeof label === 'string' && label !== '' ? label : undefined;
  if (judge === undefined) return { kind: 'judge', value: { parseError: `${'gen_ai.evaluation.result'} event without gen_ai.evaluation.name` } };
  const scoredAt = typeof at.time === 'string' || typeof at.time === 'number' ? unixNanosToIso(at.time) : undefined;
  if (scoredAt === undefined && at.time !== undefined && at.time !== null && at.time !== '0' && at.time !== 0) {
    return { kind: 'judge', question: judge, judge, value: { parseError: `${judge} evaluation of span ${spanId ?? '?'}: timeUnixNano: ${JSON.stringify(at.time).slice(0, 40)} is not a time in Unix nanoseconds` } };
  }
  return {
    kind: 'judge',
    question: judge,
    judge,
    value: {
      ...attributeText(attrs, 'src.'),
      item_id: spanId ?? responseId,
      score,
      scored_at: scoredAt,
      rationale: typeof attrs['gen_ai.evaluation.explanation'] === 'string' ? attrs['gen_ai.evaluation.explanation'] : undefined,
      source_ref: sourceRef('otel', { trace: typeof at.traceId === 'string' ? at.traceId : undefined, span: spanId, evaluation: judge }),
    },
  };
}
