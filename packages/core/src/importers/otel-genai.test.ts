import { describe, expect, it } from 'vitest';
import { JudgeScoreRecordSchema } from '../schemas/judge-score-record.js';
import { TrafficRecordSchema } from '../schemas/traffic-record.js';
import { otelGenAiImporter } from './otel-genai.js';
import { fixtureRecords, readAll, recordsOf, skipsOf, valueOf } from './test-helpers/fixture.js';

// Fixture written from the OpenTelemetry GenAI semantic conventions (open-telemetry/semantic-conventions-genai:
// gen-ai-input-messages.json / gen-ai-output-messages.json message parts {type, content}; events.yaml
// gen_ai.evaluation.result with gen_ai.evaluation.name / score.value / score.label / explanation) in
// OTLP/JSON as the Collector's file exporter writes it (one request per line, hex ids, int64 as strings).
const items = readAll(otelGenAiImporter, fixtureRecords('otel-genai.jsonl'));

describe('OpenTelemetry GenAI importer', () => {
  it('makes traffic of GenAI model-call spans: messages as JSON text or structured OTLP values, tool parts left out', () => {
    const traffic = recordsOf(items, 'traffic').map(valueOf);
    expect(traffic.map((t) => [t['id'], t['timestamp'], t['input'], t['output']])).toEqual([
      // numpy: np.datetime64(1717430400123456789, 'ns') -> 2024-06-03T16:00:00.123456789 (kept to microseconds)
      ['00f067aa0ba902b7', '2024-06-03T16:00:00.123456Z', 'Can I return an opened item?', 'Yes, within 30 days if it is undamaged; start the return from Orders.'],
      // two user turns around a tool call; the reasoning part is not the answer
      ['10f067aa0ba902b8', '2024-06-03T16:10:00.000001Z', 'Where is order 5512?\n\nAnd when will it arrive?', 'It should arrive between June 4 and June 6.'],
    ]);
    expect(traffic[0]?.['metadata']).toEqual({
      operation: 'chat', model: 'gpt-4o-2024-08-06', request_model: 'gpt-4o', provider: 'openai', conversation_id: 'conv-7781',
      response_id: 'chatcmpl-9Xk2Q', input_tokens: '58', output_tokens: '21', finish_reasons: '["stop"]', service: 'support-bot', trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
    });
    expect(traffic[1]?.['metadata']).toMatchObject({ provider: 'anthropic', model: 'claude-3-5-sonnet-20241022' });
    for (const t of traffic) expect(TrafficRecordSchema.safeParse(t).success).toBe(true);
  });

  it('skips spans that are not GenAI requests', () => {
    expect(skipsOf(items, 'traffic')).toEqual({ 'span without gen_ai.operation.name (not a GenAI operation)': 1, 'execute_tool span (not a request to a model or agent)': 1 });
  });

  it('makes judge scores of gen_ai.evaluation.result span events and log records, on the evaluated span', () => {
    const judge = recordsOf(items, 'judge');
    expect(judge.map((j) => [j.judge, valueOf(j)['item_id'], valueOf(j)['score'], valueOf(j)['scored_at']])).toEqual([
      ['relevance', '00f067aa0ba902b7', 0.9, '2024-06-03T16:00:05.000000Z'],
      ['groundedness', '00f067aa0ba902b7', 1, '2024-06-03T16:00:05.100000Z'],
      ['relevance', '10f067aa0ba902b8', 0.35, '2024-06-03T16:10:10.000000Z'],
    ]);
    expect(valueOf(judge[0])).toMatchObject({ rationale: 'Directly answers the return question.', 'src.gen_ai.evaluation.score.label': 'relevant' });
    for (const j of judge) expect(JudgeScoreRecordSchema.safeParse({ ...valueOf(j), judge: j.judge }).success).toBe(true);
  });

  it('ranks model calls below agent invocations, and explains a span whose content was not captured', () => {
    const span = (op: string, attrs: unknown[]) => ({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 't', spanId: 's', startTimeUnixNano: '1000000000',
      attributes: [{ key: 'gen_ai.operation.name', value: { stringValue: op } }, ...attrs] }] }] }] });
    const msg = { key: 'gen_ai.input.messages', value: { stringValue: '[{"role":"user","parts":[{"type":"text","content":"hi"}]}]' } };
    expect(recordsOf(otelGenAiImporter.read(span('invoke_agent', [msg])), 'traffic')[0]?.rank).toBe(0);
    expect(recordsOf(otelGenAiImporter.read(span('chat', [msg])), 'traffic')[0]?.rank).toBe(1);
    expect(recordsOf(otelGenAiImporter.read(span('chat', [])), 'traffic')[0]?.value).toEqual({
      parseError: 'span s: no gen_ai.input.messages (message content is opt-in in GenAI instrumentations; traffic needs the input)',
    });
  });

  it('names the field of a startTimeUnixNano no Date can hold (26 digits threw a RangeError stack trace, issue 12)', () => {
    const msg = { key: 'gen_ai.input.messages', value: { stringValue: '[{"role":"user","parts":[{"type":"text","content":"hi"}]}]' } };
    const op = { key: 'gen_ai.operation.name', value: { stringValue: 'chat' } };
    const r = { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 't', spanId: 's1', startTimeUnixNano: '17174304001234567890123456', attributes: [op, msg],
      events: [{ name: 'gen_ai.evaluation.result', timeUnixNano: '99999999999999999999999999', attributes: [{ key: 'gen_ai.evaluation.name', value: { stringValue: 'rel' } }] }] }] }] }] };
    const items = otelGenAiImporter.read(r);
    expect(recordsOf(items, 'traffic')[0]?.value).toEqual({ parseError: 'span s1: startTimeUnixNano: "17174304001234567890123456" is not a time in Unix nanoseconds' });
    expect(recordsOf(items, 'judge')[0]?.value).toEqual({ parseError: 'rel evaluation of span s1: timeUnixNano: "99999999999999999999999999" is not a time in Unix nanoseconds' });
  });
});
