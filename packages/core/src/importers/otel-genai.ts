import type { ImportItem, Importer } from './import-item.js';
import { unixNanosToIso } from './epoch-time.js';
import { otelEvaluation } from './otel-evaluation.js';
import { messageText } from './message-text.js';
import { attributeText, otlpAttributes, structuredAttribute } from './otlp-value.js';
import { isPlainObject } from './source-fields.js';
import { sourceRef } from './source-ref.js';
import { stringMetadata } from './string-metadata.js';

/** Operations that are one model call, and those that are one agent invocation (the request, when present). */
const MODEL_CALLS = ['chat', 'text_completion', 'generate_content'];
const AGENT_CALLS = ['invoke_agent'];
export const EVALUATION_EVENT = 'gen_ai.evaluation.result';

/**
 * OpenTelemetry GenAI semantic conventions, OTLP/JSON (`{resourceSpans}` / `{resourceLogs}`, one
 * request per file or per line as the Collector's file exporter writes). GenAI spans are traffic:
 * id = span id, time = span start, input/output from `gen_ai.input.messages` /
 * `gen_ai.output.messages` (opt-in content), model, provider, tokens and conversation into
 * metadata. Agent invocations are the requests when the export has them; model calls otherwise.
 * `gen_ai.evaluation.result` events (span events or log records) are judge scores on the span
 * they evaluate (judge = `gen_ai.evaluation.name`).
 */
export const otelGenAiImporter: Importer = {
  name: 'otel-genai',
  title: 'OpenTelemetry GenAI spans and evaluation events (OTLP/JSON)',
  kinds: ['traffic', 'judge'],
  looksLike: (r) => Array.isArray(r['resourceSpans']) || Array.isArray(r['resourceLogs']),
  read(r): ImportItem[] {
    const items: ImportItem[] = [];
    for (const rs of list(r['resourceSpans'])) {
      const resource = otlpAttributes(isPlainObject(rs['resource']) ? rs['resource']['attributes'] : undefined);
      for (const ss of list(rs['scopeSpans'])) for (const span of list(ss['spans'])) items.push(...spanItems(span, resource));
    }
    for (const rl of list(r['resourceLogs'])) {
      for (const sl of list(rl['scopeLogs'])) {
        for (const log of list(sl['logRecords'])) {
          const attrs = otlpAttributes(log['attributes']);
          const name = log['eventName'] ?? attrs['event.name'];
          if (name === EVALUATION_EVENT) items.push(otelEvaluation(attrs, { traceId: log['traceId'], spanId: log['spanId'], time: log['timeUnixNano'] ?? log['observedTimeUnixNano'] }));
        }
      }
    }
    return items;
  },
};

function spanItems(span: Record<string, unknown>, resource: Record<string, unknown>): ImportItem[] {
  const attrs = otlpAttributes(span['attributes']);
  const items: ImportItem[] = [];
  for (const e of list(span['events'])) {
    if (e['name'] === EVALUATION_EVENT) items.push(otelEvaluation(otlpAttributes(e['attributes']), { traceId: span['traceId'], spanId: span['spanId'], time: e['timeUnixNano'] }));
  }
  const op = attrs['gen_ai.operation.name'];
  if (typeof op !== 'string') return [...items, { kind: 'traffic', skip: 'span without gen_ai.operation.name (not a GenAI operation)' }];
  const isModel = MODEL_CALLS.includes(op);
  if (!isModel && !AGENT_CALLS.includes(op)) return [...items, { kind: 'traffic', skip: `${op} span (not a request to a model or agent)` }];
  const spanId = typeof span['spanId'] === 'string' ? span['spanId'] : undefined;
  const input = messageText(structuredAttribute(attrs['gen_ai.input.messages']), 'input');
  const start = span['startTimeUnixNano'];
  const common = {
    ...attributeText(attrs, 'src.'),
    ...attributeText(resource, 'src.resource.'),
    'src.traceId': String(span['traceId'] ?? ''),
    'src.spanId': String(spanId ?? ''),
    'src.name': String(span['name'] ?? ''),
  };
  const timestamp = typeof start === 'string' || typeof start === 'number' ? unixNanosToIso(start) : undefined;
  const badTime = timestamp === undefined && start !== undefined && start !== null
    ? `span ${spanId ?? '?'}: startTimeUnixNano: ${JSON.stringify(start).slice(0, 40)} is not a time in Unix nanoseconds` : undefined;
  items.push({
    kind: 'traffic',
    rank: isModel ? 1 : 0,
    rankNote: 'model call (the export has agent invocations, which are the requests)',
    value: badTime !== undefined ? { parseError: badTime } : input === undefined
      ? { parseError: `span ${spanId ?? '?'}: no gen_ai.input.messages (message content is opt-in in GenAI instrumentations; traffic needs the input)` }
      : {
          ...common,
          id: spanId,
          timestamp,
          input,
          output: messageText(structuredAttribute(attrs['gen_ai.output.messages']), 'output'),
          metadata: stringMetadata(undefined, {
            operation: op,
            model: attrs['gen_ai.response.model'] ?? attrs['gen_ai.request.model'],
            request_model: attrs['gen_ai.request.model'],
            provider: attrs['gen_ai.provider.name'] ?? attrs['gen_ai.system'],
            conversation_id: attrs['gen_ai.conversation.id'],
            response_id: attrs['gen_ai.response.id'],
            input_tokens: attrs['gen_ai.usage.input_tokens'],
            output_tokens: attrs['gen_ai.usage.output_tokens'],
            finish_reasons: attrs['gen_ai.response.finish_reasons'],
            agent: attrs['gen_ai.agent.name'],
            service: resource['service.name'],
            trace_id: span['traceId'],
          }),
          source_ref: sourceRef('otel', { trace: str(span['traceId']), span: spanId }),
        },
  });
  return items;
}

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isPlainObject) : [];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
