import { describe, expect, it } from 'vitest';
import { argillaImporter } from './argilla.js';
import { fixtureRecords, readAll, recordsOf, skipsOf, valueOf } from './test-helpers/fixture.js';

// Fixture written from the Argilla v2 SDK (argilla/records/_io/_generic.py, to_list(flatten=True)):
// "{q}.responses", "{q}.responses.users", "{q}.responses.status" are parallel lists,
// "{q}.suggestion(.score|.agent)" scalars; keys missing from a record are normalized to null.
const items = readAll(argillaImporter, fixtureRecords('argilla-records.json'));

describe('Argilla importer', () => {
  it('makes one label per submitted response per question, labeler = the user id, no time', () => {
    const correctness = recordsOf(items, 'labels').filter((l) => l.question === 'correctness').map(valueOf);
    expect(correctness.map((v) => [v['item_id'], v['labeler_id'], v['label']])).toEqual([
      ['rec-001', '5e3c4a1d-7b2f-4f7e-9d0a-1b2c3d4e5f60', 'correct'],
      ['rec-001', 'a9b8c7d6-e5f4-4321-8765-0fedcba98765', 'correct'],
      ['rec-002', '5e3c4a1d-7b2f-4f7e-9d0a-1b2c3d4e5f60', 'incorrect'],
    ]);
    expect(correctness.every((v) => v['labeled_at'] === undefined)).toBe(true);
    expect(correctness[0]).toMatchObject({ input: 'What is the capital of Australia?', output: 'Canberra is the capital of Australia.', 'src.topic': 'geography' });
    expect(recordsOf(items, 'labels').filter((l) => l.question === 'notes')).toHaveLength(1);
  });

  it('skips draft and discarded responses and counts them', () => {
    expect(skipsOf(items, 'labels')).toEqual({ 'discarded response': 1, 'draft response': 1 });
  });

  it('turns suggestions into judge scores named by their agent', () => {
    const judge = recordsOf(items, 'judge');
    expect(judge.map((j) => [j.judge, j.question, valueOf(j)['item_id'], valueOf(j)['score']])).toEqual([
      ['gpt-4o-judge@2024-08', 'correctness', 'rec-001', 'correct'],
      ['gpt-4o-judge@2024-08', 'correctness', 'rec-002', 'incorrect'],
      ['gpt-4o-judge@2024-08', 'correctness', 'rec-003', 'correct'],
      ['gpt-4o-judge@2024-08', 'correctness', 'rec-004', 'incorrect'],
    ]);
    expect(valueOf(judge[0])['src.suggestion.score']).toBe('0.91');
  });

  it('reads the nested shape to_json writes, and a suggestion with no agent', () => {
    const nested = {
      id: 'n-1', _server_id: 'srv-1', status: 'completed',
      fields: { prompt: 'p?', response: 'r.' }, metadata: { topic: 't' },
      responses: { rating: [{ value: 4, user_id: 'u1' }, { value: 2, user_id: 'u2', status: 'submitted' }] },
      suggestions: { rating: { value: 3, score: null, agent: null } }, vectors: {},
    };
    const out = argillaImporter.read(nested);
    expect(recordsOf(out, 'labels').map(valueOf).map((v) => [v['item_id'], v['labeler_id'], v['label'], v['input'], v['src.topic']]))
      .toEqual([['n-1', 'u1', 4, 'p?', 't'], ['n-1', 'u2', 2, 'p?', 't']]);
    const j = recordsOf(out, 'judge')[0];
    expect(j?.judge).toBeUndefined();
    expect(valueOf(j)['score']).toBe(3);
  });

  it('refuses a list answer (multi-label) and response lists of different lengths', () => {
    const multi = argillaImporter.read({ id: 'm', 'topics.responses': [['a', 'b']], 'topics.responses.users': ['u1'], 'topics.responses.status': ['submitted'] });
    expect(recordsOf(multi, 'labels')[0]?.value).toEqual({ parseError: expect.stringContaining('question "topics": the answer is a list') as unknown });
    const bad = argillaImporter.read({ id: 'b', 'q.responses': ['a', 'b'], 'q.responses.users': ['u1'] });
    expect(recordsOf(bad, 'labels')[0]?.value).toEqual({ parseError: 'q.responses has 2 values but q.responses.users 1' });
  });

  it('reads Argilla v1 FeedbackDataset records (REST API, include=responses): values per question, time = updated_at', () => {
    const v1 = readAll(argillaImporter, fixtureRecords('argilla-v1-records.json'));
    expect(recordsOf(v1, 'labels').filter((l) => l.question === 'quality').map(valueOf).map((v) => [v['item_id'], v['labeler_id'], v['label'], v['labeled_at']])).toEqual([
      ['t-001', '0b7e1c2a-5d3f-4e8a-9b1c-2d3e4f5a6b7c', 4, '2023-11-02T10:05:00'],
      ['t-002', '9f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b', 5, '2023-11-03T08:01:30'],
    ]);
    expect(skipsOf(v1, 'labels')).toEqual({ 'discarded response with no answers': 1 });
    expect(recordsOf(v1, 'judge').map((j) => [j.judge, valueOf(j)['item_id'], valueOf(j)['score']])).toEqual([['gpt-4-judge', 't-001', 5]]);
    expect(valueOf(recordsOf(v1, 'labels')[0])).toMatchObject({ input: 'Summarize the refund policy.', 'src.source': 'faq' });
  });

  it('reads Argilla v1 Hugging Face rows (question columns of user_id/value/status lists, -suggestion, metadata as JSON text)', () => {
    const hub = readAll(argillaImporter, fixtureRecords('argilla-v1-hub.jsonl'));
    expect(recordsOf(hub, 'labels').map(valueOf).map((v) => [v['item_id'], v['label'], v['src.source']])).toEqual([['t-001', 4, 'faq'], ['t-001', 3, 'faq']]);
    expect(skipsOf(hub, 'labels')).toEqual({ 'draft response': 1 });
    expect(recordsOf(hub, 'judge').map((j) => [j.judge, valueOf(j)['score']])).toEqual([['gpt-4-judge', 5]]);
  });
});
