import { describe, expect, it } from 'vitest';
import { LabelRecordSchema } from '../schemas/label-record.js';
import { JudgeScoreRecordSchema } from '../schemas/judge-score-record.js';
import { labelStudioImporter } from './label-studio.js';
import { fixtureRecords, readAll, recordsOf, skipsOf, valueOf } from './test-helpers/fixture.js';

// Fixture written from the Label Studio docs ("Label Studio JSON format of annotated tasks",
// labelstud.io/guide/task_format): tasks with annotations[] (completed_by, created_at, lead_time,
// was_cancelled, ground_truth, result[{from_name, to_name, type, value}]) and predictions[] (model_version, score).
const items = readAll(labelStudioImporter, fixtureRecords('label-studio-export.json'));

describe('Label Studio importer', () => {
  it('makes one label per annotation result, several annotators per task, keyed by the control', () => {
    const labels = recordsOf(items, 'labels');
    const helpfulness = labels.filter((l) => l.question === 'helpfulness').map(valueOf);
    expect(helpfulness.map((v) => [v['item_id'], v['labeler_id'], v['label']])).toEqual([
      ['101', '11', 4], ['101', '12', 5], ['102', '11', 2], ['103', '12', 3], ['103', '13', 1],
    ]);
    expect(labels.filter((l) => l.question === 'comment')).toHaveLength(2);
    for (const v of helpfulness) expect(LabelRecordSchema.safeParse(v).success).toBe(true);
  });

  it('takes time from created_at, texts from data, and keeps task/annotation ids, lead_time and ground_truth in source_ref', () => {
    const first = valueOf(recordsOf(items, 'labels')[0]);
    expect(first).toMatchObject({
      labeled_at: '2024-03-04T10:15:02.513742Z',
      input: 'How do I reset my password?',
      output: expect.stringContaining('Settings > Security') as unknown,
      source_ref: 'label-studio:task=101&annotation=1001&lead_time=42.107',
      'src.data.category': 'account',
      'src.result.comment': 'Clear, but does not say the link expires.',
    });
    const groundTruth = recordsOf(items, 'labels').map(valueOf).find((v) => v['item_id'] === '103' && v['labeler_id'] === '12');
    expect(groundTruth?.['source_ref']).toBe('label-studio:task=103&annotation=1005&lead_time=31.2&ground_truth=1');
  });

  it('reads completed_by whether it is a user id or an expanded user object', () => {
    const v = recordsOf(items, 'labels').map(valueOf).find((x) => x['source_ref'] === 'label-studio:task=103&annotation=1005&lead_time=31.2&ground_truth=1');
    expect(v?.['labeler_id']).toBe('12');
    expect(v?.['src.annotation.completed_by.email']).toBe('bea@example.com');
  });

  it('skips and counts cancelled annotations and annotations with no result', () => {
    expect(skipsOf(items, 'labels')).toEqual({ 'cancelled annotation': 1, 'annotation with no result': 1 });
  });

  it('turns predictions into judge scores named by model_version', () => {
    const judge = recordsOf(items, 'judge');
    expect(judge.map((j) => [j.judge, valueOf(j)['item_id'], valueOf(j)['score']])).toEqual([
      ['gpt-judge@v3', '101', 4], ['gpt-judge@v3', '102', 3], ['gpt-judge@v2', '102', 5], ['gpt-judge@v3', '103', 2], ['gpt-judge@v3', '104', 5],
    ]);
    expect(valueOf(judge[0])).toMatchObject({ scored_at: '2024-03-01T08:00:00.000000Z', source_ref: 'label-studio:task=101&prediction=501&model_version=gpt-judge%40v3' });
    for (const j of judge) expect(JudgeScoreRecordSchema.safeParse({ ...valueOf(j), judge: j.judge }).success).toBe(true);
  });

  it('reads choices, numbers, texts and pairwise picks; refuses a multi-select and an unknown result type with the reason', () => {
    const task = (result: unknown[]) => ({ id: 9, data: { text: 't' }, annotations: [{ id: 1, completed_by: 3, created_at: '2024-01-01T00:00:00Z', result }] });
    const read = (result: unknown[]) => recordsOf(labelStudioImporter.read(task(result)), 'labels')[0]?.value;
    expect(read([{ from_name: 'q', type: 'choices', value: { choices: ['Relevant'] } }])).toMatchObject({ label: 'Relevant' });
    expect(read([{ from_name: 'q', type: 'number', value: { number: 0.25 } }])).toMatchObject({ label: 0.25 });
    expect(read([{ from_name: 'q', type: 'textarea', value: { text: ['line one', 'line two'] } }])).toMatchObject({ label: 'line one\nline two' });
    expect(read([{ from_name: 'q', type: 'pairwise', value: { selected: 'left' } }])).toMatchObject({ label: 'left' });
    expect(read([{ from_name: 'q', type: 'choices', value: { choices: ['A', 'B'] } }])).toEqual({ parseError: 'task 9, annotation 1, "q": 2 choices selected (A, B); a label holds one value' });
    expect(read([{ from_name: 'q', type: 'rectanglelabels', value: { rectanglelabels: ['Car'] } }])).toEqual({
      parseError: 'task 9, annotation 1, "q": result type "rectanglelabels" is not a label Touchstone reads (choices, rating, number, textarea, pairwise)',
    });
    expect(read([{ from_name: 'q', type: 'choices', value: { choices: ['A'] } }, { from_name: 'q', type: 'choices', value: { choices: ['B'] } }]))
      .toEqual({ parseError: 'task 9, annotation 1, "q": answered more than once in one annotation (per-region results are not one label)' });
  });

  it('leaves a missing annotator or time missing, for validation to name the field', () => {
    const v = labelStudioImporter.read({ id: 5, data: {}, annotations: [{ id: 2, result: [{ from_name: 'q', type: 'rating', value: { rating: 3 } }] }] });
    const parsed = LabelRecordSchema.safeParse(valueOf(recordsOf(v, 'labels')[0]));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['labeler_id', 'labeled_at']);
  });

  it('reads a JSON-MIN row (converter: data fields, one column per control, annotator, annotation_id, created_at)', () => {
    const rows = readAll(labelStudioImporter, fixtureRecords('label-studio-min.json'));
    const help = recordsOf(rows, 'labels').filter((l) => l.question === 'helpfulness');
    expect(help.map(valueOf).map((v) => [v['item_id'], v['labeler_id'], v['label'], v['labeled_at']])).toEqual([
      ['101', 'ana@example.com', 4, '2024-03-04T10:15:02.513742Z'],
      ['101', 'bea@example.com', 5, '2024-03-04T11:02:41.000815Z'],
      ['102', 'ana@example.com', 2, '2024-03-05T09:00:00.000000Z'],
    ]);
    expect(valueOf(help[0])).toMatchObject({ input: 'How do I reset my password?', source_ref: 'label-studio:task=101&annotation=1001&lead_time=42.107' });
    // the prompt and response are the item's texts, not questions; a multi-select is refused with its reason
    expect(new Set(recordsOf(rows, 'labels').map((l) => l.question))).toEqual(new Set(['helpfulness', 'comment', 'category', 'tone']));
    expect(recordsOf(rows, 'labels').find((l) => l.question === 'tone')?.value).toEqual({ parseError: 'task 102, annotation 1003, "tone": 2 choices selected (Curt, Formal); a label holds one value' });
  });

  it('skips predictions the project export wrote as bare ids, and reads the prediction an annotation embeds (issue 14: --judge was required)', () => {
    const task = {
      id: 7, data: { text: 't' }, predictions: [286, 287],
      annotations: [{ id: 9, completed_by: 3, created_at: '2024-01-01T00:00:00Z', result: [{ from_name: 'q', type: 'choices', value: { choices: ['Good'] } }],
        prediction: { id: 286, model_version: 'judge-x', created_at: '2023-12-31T00:00:00Z', result: [{ from_name: 'q', type: 'choices', value: { choices: ['Bad'] } }] } }],
    };
    const items = labelStudioImporter.read(task);
    expect(recordsOf(items, 'judge').map((j) => [j.judge, valueOf(j)['score']])).toEqual([['judge-x', 'Bad']]);
    expect(skipsOf(items, 'judge')).toEqual({ 'prediction exported as its id only (the project export keeps no prediction content; export tasks with predictions through the API or SDK)': 1 });
    expect(recordsOf(items, 'labels')).toHaveLength(1);
  });

  it('reports a task that is not a Label Studio task with the field', () => {
    const v = labelStudioImporter.read({ id: 5, data: {}, annotations: 'oops' });
    expect(v[0]?.kind).toBe('labels');
    expect(v[0] !== undefined && 'value' in v[0] ? v[0].value : undefined).toEqual({ parseError: 'not a Label Studio task: annotations: expected a list, found a string "oops"' });
    // issue 14: "id: Invalid input" leaked the validator's wording
    const w = labelStudioImporter.read({ id: null, data: {}, annotations: [] });
    expect(w[0] !== undefined && 'value' in w[0] ? w[0].value : undefined).toEqual({ parseError: 'not a Label Studio task: id: expected a number or a string, found null' });
  });
});
