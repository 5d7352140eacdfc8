import { describe, expect, it } from 'vitest';
import { generatedCorpus, HAND_WRITTEN } from '../test-helpers/pii-corpus.js';
import { createRedactor } from './redact.js';

// Expected outputs are written by construction: positives carry checksums computed in
// test-helpers/pii-corpus.ts (Luhn, ISO 7064 MOD 97-10, SSA validity), negatives must not change.
describe('redaction corpus (issue 12)', () => {
  const corpus = [...generatedCorpus(12), ...HAND_WRITTEN];
  const r = createRedactor();

  it('has hundreds of positive and negative cases', () => {
    const positives = corpus.filter((c) => c.text !== c.expected).length;
    expect(positives).toBeGreaterThanOrEqual(300);
    expect(corpus.length - positives).toBeGreaterThanOrEqual(200);
  });

  it('redacts every positive exactly and leaves every negative unchanged: precision = recall = 1', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const wrong: string[] = [];
    for (const c of corpus) {
      const out = r.redact(c.text).text;
      const positive = c.text !== c.expected;
      if (out === c.expected) {
        if (positive) tp++;
        continue;
      }
      wrong.push(`${c.kind}: ${JSON.stringify(c.text)} → ${JSON.stringify(out)} (want ${JSON.stringify(c.expected)})`);
      if (positive && out === c.text) fn++;
      else fp++;
    }
    expect(wrong).toEqual([]);
    expect({ precision: tp / (tp + fp), recall: tp / (tp + fn) }).toEqual({ precision: 1, recall: 1 });
  });

  it('is deterministic: the same seed gives the same corpus', () => {
    expect(generatedCorpus(12)).toEqual(generatedCorpus(12));
  });
});
