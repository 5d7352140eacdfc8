import { afterEach, describe, expect, it } from 'vitest';
import { ingestJudge } from '../ingest/ingest-judge.js';
import { ingestLabels } from '../ingest/ingest-labels.js';
import type { Scale } from '../schemas/scale.js';
import { createRng } from '../stats/rng.js';
import type { Store } from '../store/store.js';
import { jsonl, tempStore } from '../test-helpers/temp-store.js';
import { analyzeSkew } from './analyze-skew.js';
import { skew } from './skew.js';
import { skewDataFromRecords, type SkewLabelRecord } from './skew-data-from-records.js';
import { SkewOptionsSchema } from './skew-options.js';
import { SkewReportSchema } from './skew-report.js';

let open: Store | undefined;
afterEach(() => open?.close());
const OPTIONS = SkewOptionsSchema.parse({ goldSet: 'g', permutations: 100, bootstrap: 20 });

describe('skew through the store', () => {
  it('uses the judge on a sparse nominal gold set and finds the labeler who passes what the judge fails', async () => {
    // 900 items, one label each from 7 labelers; the judge scores every item. Labeler "soft" calls
    // "ok" 60% of what deserves "bad"; the others follow the item's quality. "soft" also gets more of
    // the easy items — the judge adjustment is what tells difficulty from leniency.
    const rng = createRng(21);
    const labels: object[] = [];
    const judge: object[] = [];
    for (let i = 0; i < 900; i++) {
      const score = rng.next();
      const labeler = rng.next() < (score > 0.5 ? 0.25 : 0.1) ? 'soft' : `L${rng.int(6)}`;
      let category = score > 0.5 ? 'good' : score > 0.3 ? 'ok' : 'bad';
      if (rng.next() < 0.1) category = ['good', 'ok', 'bad'][rng.int(3)]!;
      if (labeler === 'soft' && category === 'bad' && rng.next() < 0.6) category = 'ok';
      labels.push({ item_id: `i${i}`, labeler_id: labeler, label: category, labeled_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), slice: i % 2 === 0 ? 'a' : 'b' });
      judge.push({ item_id: `i${i}`, judge: 'j@1', score });
    }
    const { store, write } = await tempStore();
    open = store;
    const scale: Scale = { kind: 'nominal', categories: ['good', 'ok', 'bad'], pass_categories: ['good', 'ok'] };
    await ingestLabels(store, { file: write('l.jsonl', jsonl(labels)), goldSet: 'g', scale, actor: 't' });
    await ingestJudge(store, { file: write('j.jsonl', jsonl(judge)), judge: 'j@1', goldSet: 'g', actor: 't' });
    const r = await skew(store, { goldSet: 'g', permutations: 200, bootstrap: 20 });
    expect(SkewReportSchema.parse(r)).toEqual(r);
    expect(r.design).toMatchObject({ comparison: 'judge_adjusted_slice_peers', judge: 'j@1', single_labeled_items: 900 });
    expect(r.flags[0]).toMatchObject({ labeler_id: 'soft', direction: 'lenient', comparison: 'judge_adjusted_slice_peers' });
    expect(r.flags[0]?.caveat).toContain('judge');
    // Corrected for its leniency, "soft" would pass fewer items: its counterfactual moves the gold
    // down, by more than an unbiased labeler of its volume would; every one of its items has one label.
    const impact = r.flags[0]!.impact;
    expect(impact.pass_rate_shift).toBeLessThan(0);
    expect(impact.flipped_items).toBeGreaterThan(impact.reference!.flipped_items_p95);
    expect(r.labelers.find((l) => l.labeler_id === 'soft')?.leave_one_out.dropped_items).toBeGreaterThan(0);
    expect(r.agreement.fleiss_kappa).toBeNull();
  });

  it('refuses bad options with a usage error and an unknown gold set with a store error', async () => {
    const { store } = await tempStore();
    open = store;
    await expect(skew(store, { goldSet: 'g', alpha: 2 })).rejects.toMatchObject({ code: 'BAD_SKEW_OPTION', category: 'usage' });
    await expect(skew(store, { goldSet: 'nope' })).rejects.toMatchObject({ code: 'GOLD_NOT_FOUND' });
  });
});

describe('analyzeSkew on small and odd gold sets', () => {
  const rec = (item_id: string, labeler_id: string, value: number): SkewLabelRecord => ({ item_id, labeler_id, value });
  it('reports a gold set with one labeler and nothing to compare', () => {
    const data = skewDataFromRecords({ kind: 'binary' }, [rec('a', 'x', 1), rec('b', 'x', 0)]);
    const r = analyzeSkew(data, OPTIONS);
    expect(r.flags).toEqual([]);
    expect(r.labelers).toEqual([expect.objectContaining({ labeler_id: 'x', leniency: null, p_value: null, flagged: false, direction: null })]);
    expect(r.agreement.krippendorff_alpha.value).toBeNull();
  });
  it('handles an interval scale (alpha from moments; no categorical coefficients)', () => {
    const rng = createRng(2);
    const records: SkewLabelRecord[] = [];
    for (let i = 0; i < 200; i++) {
      const q = rng.next();
      for (const l of ['x', 'y', 'z']) records.push(rec(`i${i}`, l, Math.min(1, Math.max(0, q + 0.1 * rng.normal() + (l === 'z' ? 0.15 : 0)))));
    }
    const r = analyzeSkew(skewDataFromRecords({ kind: 'interval', min: 0, max: 1, pass_threshold: 0.5 }, records), OPTIONS);
    expect(r.agreement.krippendorff_alpha.metric).toBe('interval');
    expect(r.agreement.gwet).toBeNull();
    expect(r.agreement.pairwise_cohen).toBeNull();
    expect(r.consensus.dawid_skene).toBeNull();
    expect(r.flags[0]).toMatchObject({ labeler_id: 'z', kind: 'leniency', slice: null });
    expect(r.flags[0]?.effect).toBeGreaterThan(0.1);
  });
});
