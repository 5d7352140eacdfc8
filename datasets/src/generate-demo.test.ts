import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schemas from '@touchstone/core/schemas';
import { DEFAULT_SEED, generateDemo, type DemoFiles } from './generate-demo.js';
import type { DemoManifest } from './demo-manifest.js';
import { readDemoManifest } from './read-demo-manifest.js';

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'touchstone-demo-'));
  dirs.push(d);
  return d;
};
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const jsonl = <T>(path: string): T[] => readFileSync(path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as T);

interface Label { item_id: string; labeler_id: string; label: number; labeled_at: string; slice: string; guideline_version: string; session_id: string }
interface Judge { item_id: string; score: number }
interface Traffic { id: string; timestamp: string; slice: string; judge_score: number; metadata: Record<string, string> }

let files: DemoFiles;
let manifest: DemoManifest;
let labels: Label[];

beforeAll(() => {
  ({ files, manifest } = generateDemo({ seed: DEFAULT_SEED, outDir: tmp() }));
  labels = jsonl<Label>(files.labels);
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('generateDemo determinism', () => {
  it('gives the same bytes for the same seed, and different bytes for another seed', () => {
    const again = generateDemo({ seed: DEFAULT_SEED, outDir: tmp() }).files;
    for (const key of ['labels', 'judge', 'traffic', 'manifest'] as const) expect(sha(again[key])).toBe(sha(files[key]));
    const other = generateDemo({ seed: DEFAULT_SEED + 1, outDir: tmp(), scale: 0.1 }).files;
    const small = generateDemo({ seed: DEFAULT_SEED, outDir: tmp(), scale: 0.1 }).files;
    expect(sha(other.labels)).not.toBe(sha(small.labels));
    expect(sha(other.traffic)).not.toBe(sha(small.traffic));
  });

  it('records each file hash in the manifest, and reads the manifest back', () => {
    expect(manifest.files.labels.sha256).toBe(sha(files.labels));
    expect(manifest.files.traffic.sha256).toBe(sha(files.traffic));
    expect(readDemoManifest(files.dir)).toEqual(manifest);
    expect(readDemoManifest(tmp())).toBeUndefined();
  });

  it('rejects a non-integer seed and a non-positive scale', () => {
    expect(() => generateDemo({ seed: 1.5, outDir: tmp() })).toThrow(/seed/);
    expect(() => generateDemo({ seed: 1, outDir: tmp(), scale: 0 })).toThrow(/scale/);
  });
});

describe('the demo files are canonical records', () => {
  it('every label, judge score and traffic record passes the ingest schemas', () => {
    for (const l of jsonl<unknown>(files.labels)) expect(schemas.LabelRecordSchema.safeParse(l).success).toBe(true);
    for (const j of jsonl<unknown>(files.judge)) expect(schemas.JudgeScoreRecordSchema.safeParse(j).success).toBe(true);
    const traffic = jsonl<unknown>(files.traffic);
    for (let i = 0; i < traffic.length; i += 97) expect(schemas.TrafficRecordSchema.safeParse(traffic[i]).success).toBe(true);
  });
});

describe('the gold set has the planted structure', () => {
  it('about 2,000 items, 12 labelers, mostly three labels per item, about 10% single-labeled', () => {
    const perItem = countBy(labels, (l) => l.item_id);
    expect(perItem.size).toBe(2000);
    expect(new Set(labels.map((l) => l.labeler_id)).size).toBe(12);
    const single = [...perItem.values()].filter((n) => n === 1).length;
    expect(single / 2000).toBeGreaterThan(0.07);
    expect(single / 2000).toBeLessThan(0.13);
    expect([...perItem.values()].filter((n) => n === 3).length).toBe(2000 - single);
    expect(manifest.counts.single_labeled_items).toBe(single);
  });

  it('dana.r labels about 11% of items and is about +1 lenient on hallucinated_policy only', () => {
    const share = new Set(labels.filter((l) => l.labeler_id === 'dana.r').map((l) => l.item_id)).size / 2000;
    expect(share).toBeGreaterThan(0.09);
    expect(share).toBeLessThan(0.13);
    // Paired with the other labelers of the same items, so item difficulty cancels.
    expect(pairedGap(labels, 'dana.r', (s) => s === 'hallucinated_policy')).toBeGreaterThan(0.6);
    expect(Math.abs(pairedGap(labels, 'dana.r', (s) => s !== 'hallucinated_policy'))).toBeLessThan(0.25);
  });

  it('uses guideline v1 before 2025-04-14 and v2 from then on; v1 scored tone higher', () => {
    for (const l of labels) expect(l.guideline_version).toBe(l.labeled_at < '2025-04-14' ? 'v1' : 'v2');
    const tone = labels.filter((l) => l.slice === 'tone');
    expect(mean(tone.filter((l) => l.guideline_version === 'v1').map((l) => l.label)) - mean(tone.filter((l) => l.guideline_version === 'v2').map((l) => l.label))).toBeGreaterThan(0.3);
  });

  it('fatigued labelers score higher late in long sessions than early', () => {
    const late = (id: string, after: boolean): number[] => {
      const bySession = new Map<string, Label[]>();
      for (const l of labels) if (l.labeler_id === id) bySession.set(l.session_id, [...(bySession.get(l.session_id) ?? []), l]);
      return [...bySession.values()].flatMap((s) => s.filter((_, i) => (after ? i >= 30 : i < 20)).map((l) => l.label));
    };
    for (const id of ['felix.m', 'hana.s']) expect(mean(late(id, true)) - mean(late(id, false))).toBeGreaterThan(0.2);
  });

  it('the judge agrees with the human median in the middle of the scale more than at the tails', () => {
    const judge = new Map(jsonl<Judge>(files.judge).map((j) => [j.item_id, j.score]));
    const medians = new Map([...groupBy(labels, (l) => l.item_id)].map(([id, ls]) => [id, median(ls.map((l) => l.label))]));
    const agree = (band: (m: number) => boolean): number => {
      const ids = [...medians].filter(([, m]) => band(m));
      return ids.filter(([id, m]) => judge.get(id) === m).length / ids.length;
    };
    const middle = agree((m) => m >= 2 && m <= 4);
    expect(middle).toBeGreaterThan(0.5);
    expect(agree((m) => m === 1)).toBeLessThan(middle - 0.2);
    expect(agree((m) => m === 5)).toBeLessThan(middle - 0.2);
  });
});

describe('the traffic has the planted drift', () => {
  it('50,000 records over 8 weeks: crypto_refund only in the last two, fax_support gone before the last three', () => {
    const traffic = jsonl<Traffic>(files.traffic);
    expect(traffic).toHaveLength(50_000);
    expect(traffic[0]!.timestamp >= '2025-06-02').toBe(true);
    expect(traffic.at(-1)!.timestamp < '2025-07-28').toBe(true);
    const crypto = traffic.filter((t) => t.metadata['intent'] === 'crypto_refund');
    const lastTwoWeeks = traffic.filter((t) => t.timestamp >= '2025-07-14').length;
    expect(crypto.length / lastTwoWeeks).toBeGreaterThan(0.05);
    expect(crypto.length / lastTwoWeeks).toBeLessThan(0.09);
    expect(crypto.every((t) => t.timestamp >= '2025-07-14')).toBe(true);
    const fax = traffic.filter((t) => t.metadata['intent'] === 'fax_support');
    expect(fax.length).toBeGreaterThan(500);
    expect(fax.every((t) => t.timestamp < '2025-07-07')).toBe(true);
    expect(new Set(traffic.map((t) => t.metadata['model']))).toEqual(new Set(['acme-agent-2025-05', 'acme-agent-2025-07']));
    expect(traffic.every((t) => Number.isInteger(t.judge_score) && t.judge_score >= 1 && t.judge_score <= 5)).toBe(true);
    expect(manifest.planted.traffic.new_intent.first_seen >= '2025-07-14').toBe(true);
  });
});

function pairedGap(all: readonly Label[], labeler: string, slice: (s: string) => boolean): number {
  const gaps: number[] = [];
  for (const ls of groupBy(all, (l) => l.item_id).values()) {
    const mine = ls.find((l) => l.labeler_id === labeler);
    const others = ls.filter((l) => l.labeler_id !== labeler);
    if (mine !== undefined && others.length > 0 && slice(mine.slice)) gaps.push(mine.label - mean(others.map((l) => l.label)));
  }
  return mean(gaps);
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}
function countBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
}
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
