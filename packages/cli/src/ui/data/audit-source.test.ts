import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_GOLD, fixtureStore } from '../test-helpers/audit-fixture.js';
import { createAuditSource, type AuditSource } from './audit-source.js';
import { parseItemQuery } from './item-query.js';

let fx: Awaited<ReturnType<typeof fixtureStore>>;
let source: AuditSource;
let raw: AuditSource;

beforeAll(async () => {
  fx = await fixtureStore();
  source = await createAuditSource(fx.store, { goldSet: FIXTURE_GOLD, compute: 'inline', sanitize: true });
  raw = await createAuditSource(fx.store, { goldSet: FIXTURE_GOLD, compute: 'inline', sanitize: false });
});
afterAll(() => fx.cleanup());

describe('audit data over a real store', () => {
  it('strips escape sequences from every displayed string but not from --json data', async () => {
    const ids = (await source.provenance()).labelers.map((l) => l.labeler_id);
    expect(ids).toContain('mallory');
    expect([...ids.join('')].some((ch) => ch.charCodeAt(0) < 0x20 || (ch.charCodeAt(0) >= 0x7f && ch.charCodeAt(0) <= 0x9f))).toBe(false);
    expect((await raw.provenance()).labelers.map((l) => l.labeler_id).some((id) => id.includes('\u001b]52'))).toBe(true);
    const item = await source.itemDetail('i007');
    expect(item.input).toBe('Customer: <script>alert(1)</script> refund?  please');
  });

  it('finds the lenient labeler slice: dan scores refunds about one point above co-labelers', async () => {
    const dan = await source.labelerDetail('dan');
    const refunds = dan.slices.find((s) => s.slice === 'refunds');
    const tone = dan.slices.find((s) => s.slice === 'tone');
    expect(refunds?.mean_diff).toBeGreaterThan(0.6);
    expect(refunds?.ci?.[0]).toBeGreaterThan(0);
    expect(Math.abs(tone?.mean_diff ?? 9)).toBeLessThan(0.5);
    expect(dan.unit).toBe('label points');
    expect(dan.guidelines.map((g) => g.guideline_version)).toEqual(['v1', 'v2']);
    expect(dan.fatigue.reduce((s, b) => s + b.n, 0)).toBe(35);
    expect(dan.timeline.reduce((s, w) => s + w.n, 0)).toBe(35);
    expect(dan.dependent.flipped).toBe(4);
    expect(dan.dependent.sole).toBe(1);
    expect(dan.dependent.items.map((d) => d.item_id)).toEqual(['i041', 'i042', 'i043', 'i044', 'i045']);
    expect(dan.dependent.items.every((d) => d.sole || d.pass_with !== d.pass_without)).toBe(true);
  });

  it('names items only one labeler labeled as dependent on them', async () => {
    const mallory = await source.labelerDetail((await raw.provenance()).labelers.find((l) => l.labeler_id.startsWith('mal'))?.labeler_id ?? '');
    expect(mallory.dependent.sole).toBe(0);
    expect(mallory.slices[0]?.n_compared).toBe(3);
  });

  it('shows an item with its full label history and provenance, the relabel marked superseded', async () => {
    const item = await source.itemDetail('i004');
    const ann = item.history.filter((h) => h.labeler_id === 'ann');
    expect(ann).toHaveLength(2);
    expect(ann.map((h) => h.superseded)).toEqual([true, false]);
    expect(ann[1]).toMatchObject({ label_value: 2, guideline_version: 'v2', actor: 'fixture-bot', source_file: 'labels.jsonl', rationale: 'relabeled after review' });
    expect(item.consensus?.n_labels).toBe(4);
    expect(item.judge_scores).toEqual([expect.objectContaining({ judge: 'jj@v1', score_value: 1 + (28 % 5) })]);
  });

  it('searches items by text, slice and labeler', async () => {
    expect((await source.searchItems('order 1012')).items.map((i) => i.item_id)).toEqual(['i012']);
    const tone = await source.searchItems('slice:tone');
    expect(tone.n_matches).toBe(14);
    expect(tone.items.every((i) => i.slice === 'tone')).toBe(true);
    expect((await source.searchItems('labeler:dan slice:refunds')).n_matches).toBe(15);
    expect((await source.searchItems('no such words')).items).toEqual([]);
    expect(parseItemQuery(' slice:a  labeler:b  x  y ')).toEqual({ text: 'x y', slice: 'a', labeler: 'b' });
  });

  it('verifies the store, runs skew and judge calibration, and says plainly that drift has no data', async () => {
    expect((await source.verify()).intact).toBe(true);
    const [skew, judge, drift] = await Promise.all([source.skew(), source.judge(), source.drift()]);
    expect(skew.available && skew.value.labelers.map((l) => l.labeler_id).sort()).toEqual(['ann', 'bob', 'cat', 'dan', 'mallory']);
    expect(judge.available && [judge.value.judge, judge.value.calibration.n_pairs]).toEqual(['jj@v1', 40]);
    expect(drift).toEqual({ available: false, reason: 'no shadow set or drift-check run for this gold set yet', command: 'touchstone drift-check --gold fx' });
  });
});
