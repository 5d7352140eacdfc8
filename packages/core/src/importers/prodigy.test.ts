import { describe, expect, it } from 'vitest';
import { LabelRecordSchema } from '../schemas/label-record.js';
import { prodigyImporter } from './prodigy.js';
import { fixtureRecords, readAll, recordsOf, skipsOf, valueOf } from './test-helpers/fixture.js';

// Fixture written from Prodigy's docs (prodi.gy/docs/api-interfaces: db-out tasks carry "answer"
// accept/reject/ignore; the choice interface stores selected option ids in "accept") with the
// hashes, _timestamp (Unix seconds), _annotator_id ({dataset}-{session}) and _session_id db-out adds.
const items = readAll(prodigyImporter, fixtureRecords('prodigy-db-out.jsonl'));

describe('Prodigy importer', () => {
  it('makes a label of each accepted choice, per annotator, with the input hash as the item', () => {
    const labels = recordsOf(items, 'labels');
    expect(labels.every((l) => l.question === 'choice')).toBe(true);
    expect(labels.map(valueOf).map((v) => [v['item_id'], v['labeler_id'], v['label']])).toEqual([
      ['-1873427714', 'support_eval-alice', 'pass'],
      ['-1873427714', 'support_eval-bob', 'fail'],
      ['2032917005', 'support_eval-alice', 'pass'],
      ['-206893442', 'support_eval-bob', 'fail'],
      ['1154829390', 'support_eval-carol', 'pass'],
    ]);
    for (const l of labels) expect(LabelRecordSchema.safeParse(valueOf(l)).success).toBe(true);
  });

  it('converts _timestamp seconds to UTC, keeps the session, texts and hashes', () => {
    expect(valueOf(recordsOf(items, 'labels')[0])).toMatchObject({
      // 1709546102 s = 2024-03-04T09:55:02Z (python: datetime.fromtimestamp(1709546102, timezone.utc))
      labeled_at: '2024-03-04T09:55:02.000Z',
      session_id: 'support_eval-alice',
      input: 'Where is my package? Order #4417.',
      output: 'It shipped yesterday; tracking shows delivery Thursday.',
      'src.meta.ticket': 'Z-88121',
      source_ref: 'prodigy:input_hash=-1873427714&task_hash=1012755093&view=choice',
    });
  });

  it('counts ignore answers and rejected choice tasks as skipped, not labels', () => {
    expect(skipsOf(items, 'labels')).toEqual({ 'ignore answer': 1, 'rejected choice task (no option is the label)': 1 });
  });

  it('reads a binary task as accepted or not, with its label as the question', () => {
    const v = prodigyImporter.read({ text: 'x', label: 'TOXIC', answer: 'reject', _input_hash: 1, _task_hash: 2, _timestamp: 0, _annotator_id: 'd-ann' });
    expect(recordsOf(v, 'labels')[0]).toMatchObject({ question: 'TOXIC', value: { label: false, labeler_id: 'd-ann' } });
  });

  it('refuses several accepted options and a missing answer; leaves a custom recipe label to --map', () => {
    const base = { text: 'x', _input_hash: 1, _task_hash: 2, _timestamp: 0, _annotator_id: 'd-ann' };
    expect(recordsOf(prodigyImporter.read({ ...base, answer: 'accept', accept: ['a', 'b'] }), 'labels')[0]?.value)
      .toEqual({ parseError: '2 options accepted (a, b); a label holds one value' });
    expect(recordsOf(prodigyImporter.read({ ...base }), 'labels')[0]?.value).toEqual({ parseError: 'answer is missing; expected accept, reject or ignore' });
    const custom = valueOf(recordsOf(prodigyImporter.read({ ...base, answer: 'accept', rating: 4 }), 'labels')[0]);
    expect(custom['label']).toBeUndefined();
    expect(custom['src.rating']).toBe('4');
  });
});
