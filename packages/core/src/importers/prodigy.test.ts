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
      .toEqual({ parseError: 'accept: 2 options accepted (a, b); a label holds one value' });
    expect(recordsOf(prodigyImporter.read({ ...base }), 'labels')[0]?.value).toEqual({ parseError: 'answer: missing; expected accept, reject or ignore' });
    const custom = valueOf(recordsOf(prodigyImporter.read({ ...base, answer: 'accept', rating: 4 }), 'labels')[0]);
    expect(custom['label']).toBeUndefined();
    expect(custom['src.rating']).toBe('4');
  });

  it('names the field of a _timestamp no Date can hold (1e20 threw a RangeError stack trace, issue 12)', () => {
    const v = prodigyImporter.read({ text: 'x', label: 'OK', answer: 'accept', _input_hash: 1, _task_hash: 2, _timestamp: 1e20, _annotator_id: 'd-a' });
    expect(recordsOf(v, 'labels')[0]?.value).toEqual({ parseError: '_timestamp: 100000000000000000000 is not a time in Unix seconds' });
  });

  it('reads exports without _annotator_id or _timestamp (Prodigy before 1.10), with _session_id null, and numeric choice ids', () => {
    // Older db-out lines: hashes and answer only; the session names the annotator when present.
    const old = { text: 'Is this spam?', label: 'SPAM', answer: 'reject', _input_hash: 11, _task_hash: 12 };
    const v = valueOf(recordsOf(prodigyImporter.read(old), 'labels')[0]);
    expect(v['labeler_id']).toBeUndefined();
    expect(v['labeled_at']).toBeUndefined();
    const sessionOnly = valueOf(recordsOf(prodigyImporter.read({ ...old, _session_id: 'spam-ann' }), 'labels')[0]);
    expect(sessionOnly).toMatchObject({ labeler_id: 'spam-ann', session_id: 'spam-ann' });
    const nullSession = valueOf(recordsOf(prodigyImporter.read({ ...old, _timestamp: 1709546102, _annotator_id: 'spam-ann', _session_id: null }), 'labels')[0]);
    expect(nullSession).toMatchObject({ labeler_id: 'spam-ann', label: false });
    expect(nullSession['session_id']).toBeUndefined();
    const choice = { text: 'rate it', options: [{ id: 1, text: 'bad' }, { id: 2, text: 'ok' }, { id: 3, text: 'good' }], _view_id: 'choice', accept: [3], answer: 'accept', _input_hash: 5, _task_hash: 6, _timestamp: 0, _annotator_id: 'r-a' };
    expect(recordsOf(prodigyImporter.read(choice), 'labels')[0]).toMatchObject({ question: 'choice', value: { label: 3 } });
  });

  it('refuses span tasks (NER, spans) with the reason that spans are not labels of an item', () => {
    const ner = { text: 'Apple hires Tim', tokens: [], spans: [{ start: 0, end: 5, label: 'ORG', token_start: 0, token_end: 0 }], _view_id: 'ner_manual', answer: 'accept', _input_hash: 1, _task_hash: 2, _timestamp: 0, _annotator_id: 'n-a' };
    expect(recordsOf(prodigyImporter.read(ner), 'labels')[0]?.value).toEqual({
      parseError: 'a ner_manual task with 1 span: spans label parts of the text, not the item, so they are not labels of an item (import classification, choice or binary accept/reject tasks)',
    });
    // textcat.teach shows pattern matches as spans but labels the item: not refused
    const textcat = { text: 'refund please', spans: [{ start: 0, end: 6, label: 'REFUND' }], label: 'REFUND', _view_id: 'classification', answer: 'accept', _input_hash: 3, _task_hash: 4, _timestamp: 0, _annotator_id: 'n-a' };
    expect(valueOf(recordsOf(prodigyImporter.read(textcat), 'labels')[0])['label']).toBe(true);
  });
});
