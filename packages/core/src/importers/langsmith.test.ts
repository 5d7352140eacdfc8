import { describe, expect, it } from 'vitest';
import { LabelRecordSchema } from '../schemas/label-record.js';
import { TrafficRecordSchema } from '../schemas/traffic-record.js';
import { langsmithImporter } from './langsmith.js';
import { fixtureRecords, readAll, recordsOf, skipsOf, valueOf } from './test-helpers/fixture.js';

// Fixtures written from LangSmith's "Run data format" and "Feedback data format" references
// (docs.langchain.com/langsmith/feedback-data-format: run_id, key, score, value, comment,
// feedback_source{type, user_id, user_name}, created_at with no UTC offset) and the SDK's run schema
// (run_type, start_time, inputs, outputs, extra.metadata, parent_run_id, trace_id).
const runs = readAll(langsmithImporter, fixtureRecords('langsmith-runs.jsonl'));
const feedback = readAll(langsmithImporter, fixtureRecords('langsmith-feedback.json'));

describe('LangSmith importer', () => {
  it('makes traffic of root runs only, texts from their inputs/outputs shapes; child runs are skipped and counted', () => {
    const traffic = recordsOf(runs, 'traffic');
    expect(traffic.map((t) => [valueOf(t)['input'], valueOf(t)['output']])).toEqual([
      ['How do I descale the espresso machine?', 'Run the descaling program with citric acid solution, then rinse twice.'],
      ['My grinder makes a clicking noise.', 'A clicking grinder usually means a stuck bean; unplug it and clear the burrs.'],
      ['Is the warranty transferable?', undefined],
    ]);
    expect(skipsOf(runs, 'traffic')).toEqual({ 'child run (llm inside a request; only root runs are imported)': 1 });
    expect(valueOf(traffic[2])['metadata']).toMatchObject({ error: "RateLimitError('Rate limit reached for gpt-4o-mini')" });
    expect(valueOf(traffic[0])).toMatchObject({ timestamp: '2024-05-05T23:20:01.102938', source_ref: 'langsmith:run=1f0a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b&trace=1f0a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b' });
    for (const t of traffic) expect(TrafficRecordSchema.safeParse(valueOf(t)).success).toBe(true);
  });

  it('skips a child run with inputs {} even when the export holds no root run (issue 14: it was imported with input "{}")', () => {
    const child = { id: 'c1', trace_id: 'r1', parent_run_id: 'r1', run_type: 'chain', name: 'format_docs', start_time: '2024-05-05T23:20:01.2', inputs: {}, outputs: { output: 'x' } };
    expect(langsmithImporter.read(child)).toEqual([{ kind: 'traffic', skip: 'child run (chain inside a request; only root runs are imported)' }]);
  });

  it('reads LangChain-serialized messages in a nested batch list; the system prompt is not the request', () => {
    const lc = (cls: string, type: string, content: string) => ({ lc: 1, type: 'constructor', id: ['langchain', 'schema', 'messages', cls], kwargs: { content, type } });
    const run = { id: 'r9', run_type: 'llm', start_time: '2024-05-05T23:20:01.2', inputs: { messages: [[lc('SystemMessage', 'system', 's'), lc('HumanMessage', 'human', 'q')]] } };
    expect(valueOf(recordsOf(langsmithImporter.read(run), 'traffic')[0])['input']).toBe('q');
  });

  it('makes labels of feedback people gave (app, api), labeler = user_id else user_name', () => {
    const labels = recordsOf(feedback, 'labels');
    expect(labels.map((l) => [l.question, valueOf(l)['item_id'], valueOf(l)['labeler_id'], valueOf(l)['label']])).toEqual([
      ['correctness', '1f0a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b', '7e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b', 1],
      ['correctness', '3b2c4d5e-6f70-4b8c-9dae-bf0c1d2e3f40', '8f2e3d4c-5b6a-4798-8b1c-2d3e4f5a6b7c', 0],
      ['correctness', '1f0a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b', 'carol@example.com', 1],
      ['correctness', '4c3d5e6f-7081-4c9d-aebf-c0d1e2f3a4b5', '7e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b', 0],
    ]);
    expect(valueOf(labels[0])).toMatchObject({
      labeled_at: '2024-05-07T10:02:11.077838',
      rationale: 'Matches the manual, section 7.',
      source_ref: 'langsmith:feedback=62104630-c7f5-41dc-8ee2-0acee5c14224&key=correctness&run=1f0a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b&source=app',
    });
    for (const l of labels) expect(LabelRecordSchema.safeParse(valueOf(l)).success).toBe(true);
  });

  it('makes judge scores of evaluator feedback (model) named by key, and skips feedback with no source', () => {
    expect(recordsOf(feedback, 'judge').map((j) => [j.judge, valueOf(j)['item_id'], valueOf(j)['score']])).toEqual([
      ['correctness', '1f0a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b', 1],
      ['correctness', '3b2c4d5e-6f70-4b8c-9dae-bf0c1d2e3f40', 1],
      ['conciseness', '3b2c4d5e-6f70-4b8c-9dae-bf0c1d2e3f40', 1],
    ]);
    const skip = 'feedback with source type (none) (neither a person nor an evaluator)';
    expect(skipsOf(feedback, 'labels')).toEqual({ [skip]: 1 });
    expect(skipsOf(feedback, 'judge')).toEqual({ [skip]: 1 });
  });

  it('prefers a categorical value over its numeric score', () => {
    const f = { id: 'f', run_id: 'r', key: 'tone', score: 2, value: 'friendly', feedback_source: { type: 'app', user_id: 'u' }, created_at: '2024-01-01T00:00:00' };
    expect(valueOf(recordsOf(langsmithImporter.read(f), 'labels')[0])['label']).toBe('friendly');
  });
});
