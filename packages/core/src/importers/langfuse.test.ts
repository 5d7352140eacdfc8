import { describe, expect, it } from 'vitest';
import { TrafficRecordSchema } from '../schemas/traffic-record.js';
import { langfuseImporter } from './langfuse.js';
import { fixtureRecords, readAll, recordsOf, skipsOf, valueOf } from './test-helpers/fixture.js';

// Fixtures written from Langfuse's public API (GET /api/public/traces and /api/public/v2/scores
// pages {data, meta}; score fields per langfuse.com/docs/evaluation/scores/data-model: traceId |
// observationId | sessionId, name, value, stringValue, dataType, source ANNOTATION|API|EVAL, authorUserId, comment).
const traces = readAll(langfuseImporter, fixtureRecords('langfuse-traces.json'));
const scores = readAll(langfuseImporter, fixtureRecords('langfuse-scores.json'));
// Written in the shape of the UI's "Download trace as JSON" (langfuse web buildTraceExport / the legacy
// download): {trace, observations} with input/output/metadata as JSON text, scores on the trace; the
// generation is an OpenAI Responses API call (output[] items, `text` format settings, a tool round trip).
const download = readAll(langfuseImporter, fixtureRecords('langfuse-trace-download.json'));

describe('Langfuse importer', () => {
  it('makes traffic of traces: nested message lists read as the user and assistant text, metadata as strings', () => {
    const traffic = recordsOf(traces, 'traffic').filter((t) => t.rank === 0).map(valueOf);
    expect(traffic.map((t) => [t['id'], t['input'], t['output']])).toEqual([
      ['5c2b1f0e-0a9d-4c8b-9e7f-6a5b4c3d2e1f', 'How do I change the email on my account?', 'Open Settings > Profile, edit the email field and confirm via the link we send you.'],
      ['b7e3f2a1-9c8d-4e7f-a6b5-c4d3e2f1a0b9', 'Do you deliver on Sundays?', 'No, deliveries run Monday to Saturday.'],
      ['0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0', 'What is wrong with this charger?', 'The cable looks frayed near the plug; please stop using it and request a replacement.'],
    ]);
    expect(traffic[0]?.['metadata']).toEqual({
      locale: 'en-US', tenant: 'acme', retrieval: '{"k":4,"index":"kb-v7"}', ab_bucket: '2',
      name: 'support-chat', user_id: 'user-5521', session_id: 'sess-8812', release: '2024.06.1', version: 'prompt-v14', environment: 'production', tags: 'prod,chat',
    });
    for (const t of traffic) expect(TrafficRecordSchema.safeParse(t).success).toBe(true);
  });

  it('ranks embedded generations below traces and skips span observations', () => {
    const gen = recordsOf(traces, 'traffic').filter((t) => t.rank === 1);
    expect(gen.map((g) => [valueOf(g)['id'], valueOf(g)['timestamp'], (valueOf(g)['metadata'] as Record<string, string>)['model']])).toEqual([['obs-gen-7d1c', '2024-06-03T14:01:22.601Z', 'gpt-4o-2024-08-06']]);
    expect(gen[0]?.rankNote).toBe('generation inside an exported trace');
    expect(skipsOf(traces, 'traffic')).toEqual({ 'span observation (not a model call)': 1 });
  });

  it('makes labels of ANNOTATION scores (labeler = authorUserId; CATEGORICAL → stringValue) on the scored trace', () => {
    const labels = recordsOf(scores, 'labels');
    expect(labels.map((l) => [l.question, valueOf(l)['item_id'], valueOf(l)['labeler_id'], valueOf(l)['label']])).toEqual([
      ['correctness', '5c2b1f0e-0a9d-4c8b-9e7f-6a5b4c3d2e1f', 'u-maria', 'correct'],
      ['correctness', '5c2b1f0e-0a9d-4c8b-9e7f-6a5b4c3d2e1f', 'u-jonas', 'correct'],
      ['correctness', 'b7e3f2a1-9c8d-4e7f-a6b5-c4d3e2f1a0b9', 'u-maria', 'incorrect'],
      ['correctness', '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0', 'u-jonas', 'correct'],
      ['helpfulness', '5c2b1f0e-0a9d-4c8b-9e7f-6a5b4c3d2e1f', 'u-maria', 4],
    ]);
    expect(valueOf(labels[0])).toMatchObject({ labeled_at: '2024-06-04T09:12:44.101Z', rationale: 'Accurate and complete.', source_ref: 'langfuse:score=sc-01&name=correctness&trace=5c2b1f0e-0a9d-4c8b-9e7f-6a5b4c3d2e1f' });
  });

  it('makes judge scores of EVAL scores, on the observation when one is scored; skips API and session scores', () => {
    const judge = recordsOf(scores, 'judge');
    expect(judge.map((j) => [j.judge, valueOf(j)['item_id'], valueOf(j)['score']])).toEqual([
      ['hallucination', '5c2b1f0e-0a9d-4c8b-9e7f-6a5b4c3d2e1f', 0.05],
      ['hallucination', 'b7e3f2a1-9c8d-4e7f-a6b5-c4d3e2f1a0b9', 0.71],
      ['hallucination', '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0', 0.12],
      ['hallucination', 'obs-gen-7d1c', 0.04],
    ]);
    const apiSkip = 'score with source API (neither a human annotation nor an evaluator)';
    expect(skipsOf(scores, 'labels')).toEqual({ [apiSkip]: 1, 'score on a session or dataset run, not on one request': 1 });
    expect(skipsOf(scores, 'judge')).toEqual({ [apiSkip]: 1 });
  });

  it('reads BOOLEAN scores as true/false', () => {
    const s = { id: 's', traceId: 't', name: 'ok', source: 'ANNOTATION', dataType: 'BOOLEAN', authorUserId: 'u', timestamp: '2024-01-01T00:00:00Z' };
    expect(valueOf(recordsOf(langfuseImporter.read({ ...s, value: 0, stringValue: 'False' }), 'labels')[0])['label']).toBe(false);
    expect(valueOf(recordsOf(langfuseImporter.read({ ...s, value: null, stringValue: 'True' }), 'labels')[0])['label']).toBe(true);
  });

  it('reads the trace download {trace, observations}: JSON-text input/output/metadata unquoted (issue 14: stored as "\\"What is Langfuse?\\"")', () => {
    const traffic = recordsOf(download, 'traffic');
    expect(traffic.filter((t) => t.rank === 0).map(valueOf).map((t) => [t['id'], t['input'], t['output']])).toEqual([
      ['tr-91d0', 'What is Langfuse?', 'Langfuse is an open-source LLM engineering platform.'],
    ]);
    expect(valueOf(traffic[0])['metadata']).toMatchObject({ channel: 'web', experiment: '{"arm":"b"}', user_id: 'u-118' });
    expect(skipsOf(download, 'traffic')).toEqual({ 'span observation (not a model call)': 1 });
  });

  it('reads an OpenAI Responses API generation: the answer from output[].content[].text, tool results not merged into the input (issue 14)', () => {
    const gen = valueOf(recordsOf(download, 'traffic').find((t) => t.rank === 1));
    expect(gen['input']).toBe('What is Langfuse?');
    expect(gen['output']).toBe('Langfuse is an open-source LLM engineering platform.');
  });

  it('skips a CORRECTION score (a corrected output, not a binary 0) and counts it with the reason (issue 14)', () => {
    expect(skipsOf(download, 'labels')).toEqual({ 'CORRECTION score (a human-edited output, not a label or score)': 1 });
    expect(recordsOf(download, 'labels').map((l) => [l.question, valueOf(l)['label']])).toEqual([['helpful', true]]);
  });

  it('skips a trace with a null input, counted, instead of rejecting the whole file (issue 14)', () => {
    const t = { id: 't-null', timestamp: '2024-01-01T00:00:00Z', input: null, output: 'x', sessionId: null, userId: null };
    expect(langfuseImporter.read(t)).toEqual([{ kind: 'traffic', skip: 'trace without input' }]);
  });
});
