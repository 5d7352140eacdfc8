import { describe, expect, it } from 'vitest';
import { detectImporter } from './detect.js';
import { fixtureRecords } from './test-helpers/fixture.js';

describe('detectImporter', () => {
  it.each([
    ['label-studio-export.json', 'label-studio'],
    ['prodigy-db-out.jsonl', 'prodigy'],
    ['argilla-records.json', 'argilla'],
    ['langfuse-traces.json', 'langfuse'],
    ['langfuse-scores.json', 'langfuse'],
    ['langsmith-runs.jsonl', 'langsmith'],
    ['langsmith-feedback.json', 'langsmith'],
    ['otel-genai.jsonl', 'otel-genai'],
    ['argilla-v1-records.json', 'argilla'],
    ['argilla-v1-hub.jsonl', 'argilla'],
    ['argilla-disk/records.json', 'argilla'],
    ['label-studio-min.json', 'label-studio'],
    ['langfuse-trace-download.json', 'langfuse'],
  ])('recognizes %s as %s', (fixture, name) => {
    expect(detectImporter(fixtureRecords(fixture).slice(0, 20), fixture)?.name).toBe(name);
  });

  it("leaves Touchstone's own records alone", () => {
    expect(detectImporter([{ item_id: 'i', labeler_id: 'a', label: 1, labeled_at: '2024-01-01' }], 'f')).toBeUndefined();
    expect(detectImporter([{ id: 'r1', timestamp: '2024-01-01T00:00:00Z', input: 'hi', metadata: { model: 'm' } }], 'f')).toBeUndefined();
    expect(detectImporter([{ item_id: 'i', judge: 'j', score: 1 }], 'f')).toBeUndefined();
  });

  it('refuses to guess between two tools recognizing equally many records', () => {
    const ls = fixtureRecords('label-studio-export.json')[0] ?? {};
    const prodigy = fixtureRecords('prodigy-db-out.jsonl')[0] ?? {};
    expect(() => detectImporter([ls, prodigy], 'mixed.json')).toThrow(/looks like both .* say which with --format/);
  });
});
