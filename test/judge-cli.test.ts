import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

// A gold set of 200 items rated 1–5 by three labelers (consensus = 1 + i mod 5). Judge v1 agrees with
// humans except that it gives 5 to every item humans rate 1 and to half of those rated 2; judge v2 agrees everywhere.
const tmp = tempDir('touchstone-judge-');
const db = join(tmp.dir, 'store.duckdb');
const cli = (args: string[]) => runCli(['--db', db, ...args]);
const jsonl = (name: string, rows: readonly object[]): string => {
  const path = join(tmp.dir, name);
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
};

beforeAll(async () => {
  const labels = Array.from({ length: 200 }, (_, i) =>
    ['ann', 'bo', 'cy'].map((l, k) => ({ item_id: `q${i}`, labeler_id: l, label: Math.min(5, 1 + (i % 5) + (k === 0 && i % 4 === 0 ? 1 : 0)), labeled_at: '2026-03-01T09:00:00Z' })),
  ).flat();
  const v1 = Array.from({ length: 200 }, (_, i) => ({ item_id: `q${i}`, score: i % 5 <= 1 && i % 10 < 6 ? 5 : 1 + (i % 5) }));
  const v1Unlabeled = Array.from({ length: 30 }, (_, i) => ({ item_id: `new${i}`, score: 1 + (i % 5) }));
  const v2 = Array.from({ length: 200 }, (_, i) => ({ item_id: `q${i}`, score: 1 + (i % 5) }));
  const traffic = Array.from({ length: 500 }, (_, i) => ({ id: `r${i}`, timestamp: `2026-03-1${i % 5}T08:00:00Z`, input: `request ${i}`, judge_score: i % 10 < 7 ? 5 : 2 }));
  for (const [args, file] of [
    [['ingest', 'labels', '--gold', 'support', '--scale', 'ordinal:1-5', '--pass-threshold', '4'], jsonl('labels.jsonl', labels)],
    [['ingest', 'judge', '--judge', 'judge@v1', '--gold', 'support'], jsonl('v1.jsonl', [...v1, ...v1Unlabeled])],
    [['ingest', 'judge', '--judge', 'judge@v2', '--gold', 'support'], jsonl('v2.jsonl', v2)],
    [['ingest', 'traffic'], jsonl('traffic.jsonl', traffic)],
  ] as const) {
    const r = await cli([...args.slice(0, 2), file, ...args.slice(2)]);
    expect(r.code, r.stderr).toBe(0);
  }
});
afterAll(() => tmp.cleanup());

describe('touchstone judge (real CLI, real DuckDB file)', () => {
  it('calibrate --json prints one document with per-band verdicts: the top band is untrusted', async () => {
    const r = await cli(['judge', 'calibrate', '--gold', 'support', '--judge', 'judge@v1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as {
      n_pairs: number;
      bands: { band: string; n: number; agreement: number; ci: [number, number]; bias: number; verdict: string }[];
      bands_by_human: { band: string; verdict: string }[];
      overall: Record<string, unknown>;
      headline: { aggregate_agreement: number; worst_band: { band: string; agreement: number } };
      next_labels: { suggestions: { item_id: string }[] };
      coverage: { judge_scored: number; pairs: number };
    };
    expect(d.n_pairs).toBe(200);
    expect(d.coverage).toMatchObject({ judge_scored: 230, pairs: 200 });
    const top = d.bands.find((b) => b.band === '5');
    // Judge says 5: 40 true 5s and 60 items humans rate 1 or 2 → 40/100 agree within ±1.
    expect(top).toMatchObject({ n: 100, verdict: 'untrusted' });
    expect(top?.agreement).toBeCloseTo(0.4, 12);
    // The judge never says 1: that band is empty, so it cannot be trusted yet.
    expect(d.bands.find((b) => b.band === '1')).toMatchObject({ n: 0, verdict: 'insufficient' });
    expect(top?.bias).toBeGreaterThan(1);
    expect(d.bands.find((b) => b.band === '3')?.verdict).toBe('trusted');
    expect(Object.keys(d.overall)).toEqual(expect.arrayContaining(['agreement', 'kappa', 'weighted_kappa', 'spearman', 'kendall_tau_b', 'confusion_matrix']));
    expect(d.headline.worst_band.agreement).toBeLessThan(d.headline.aggregate_agreement);
    expect(d.next_labels.suggestions.every((s) => s.item_id.startsWith('new'))).toBe(true);
  });

  it('calibrate prints a readable report; --require-trusted gates (exit 1 only for the named bands)', async () => {
    const text = await cli(['judge', 'calibrate', '--gold', 'support', '--judge', 'judge@v1']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/by judge score \(precision/);
    expect(text.stdout).toMatch(/untrusted: 5/);
    expect((await cli(['judge', 'calibrate', '--gold', 'support', '--judge', 'judge@v1', '--require-trusted', '3,4'])).code).toBe(0);
    const gate = await cli(['judge', 'calibrate', '--gold', 'support', '--judge', 'judge@v1', '--require-trusted', 'all', '--json']);
    expect(gate.code).toBe(1);
    expect((JSON.parse(gate.stdout) as { required_not_trusted: string[] }).required_not_trusted).toEqual(['1', '5']);
  });

  it('bad options exit 2 and a missing judge exits 3, naming what exists', async () => {
    const bands = await cli(['judge', 'calibrate', '--gold', 'support', '--judge', 'judge@v1', '--bands', '1,3,2']);
    expect(bands.code).toBe(2);
    expect(bands.stderr).toMatch(/--bands edges must be strictly increasing/);
    const band = await cli(['judge', 'calibrate', '--gold', 'support', '--judge', 'judge@v1', '--require-trusted', '7']);
    expect(band.code).toBe(2);
    expect(band.stderr).toMatch(/no such band: 7/);
    const missing = await cli(['judge', 'calibrate', '--gold', 'support', '--judge', 'judge@v9', '--json']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/no scores from judge "judge@v9".*judge@v1, judge@v2/);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'JUDGE_NOT_FOUND' }, exit_code: 3 });
  });

  it('compare evaluates an upgrade pairwise and gates a regression', async () => {
    const up = await cli(['judge', 'compare', '--gold', 'support', '--judge', 'judge@v2', '--against', 'judge@v1', '--json']);
    expect(up.code, up.stderr).toBe(0);
    const c = JSON.parse(up.stdout) as { verdict: string; overall: { a_only: number; b_only: number; p_value: number } };
    expect(c.verdict).toBe('improved');
    expect(c.overall).toMatchObject({ a_only: 0, b_only: 60 });
    const down = await cli(['judge', 'compare', '--gold', 'support', '--judge', 'judge@v1', '--against', 'judge@v2', '--fail-on-regression']);
    expect(down.code).toBe(1);
    expect(down.stdout).toMatch(/verdict: regressed/);
  });

  it('correct applies Rogan–Gladen, PPI and PPI++ to the judge scores on traffic in a window', async () => {
    const r = await cli(['judge', 'correct', '--gold', 'support', '--judge', 'judge@v1', '--window', '30d', '--now', '2026-04-01T00:00:00Z', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as { source: { n_items: number }; observed_pass_rate: number; calibration: { tpr: number; tnr: number }; rogan_gladen: { estimate: number; ci: [number, number] }; ppi_plus_plus: { estimate: number } };
    expect(d.source.n_items).toBe(500);
    expect(d.observed_pass_rate).toBeCloseTo(0.7, 14);
    // Humans pass 80 of 200 (consensus 4–5); v1 passes them all (TPR 1) and 60 of the 120 failing ones (TNR 0.5):
    // Rogan–Gladen (0.7 + 0.5 − 1) / (1 + 0.5 − 1) = 0.4.
    expect(d.calibration).toEqual({ n_pairs: 200, tpr: 1, tnr: 0.5 });
    expect(d.rogan_gladen.estimate).toBeCloseTo(0.4, 12);
    expect(d.rogan_gladen.ci[0]).toBeLessThan(0.4);
    expect(d.rogan_gladen.ci[1]).toBeGreaterThan(0.4);
    expect(d.ppi_plus_plus.estimate).toBeGreaterThan(0.2);
    expect(d.ppi_plus_plus.estimate).toBeLessThan(0.6);
    // One estimate recommended, with what each estimator assumes, and the same in the text output.
    const h = (JSON.parse(r.stdout) as { human_scale: { recommended: string; assumptions: Record<string, string>; recommendation: string } }).human_scale;
    expect(h.recommended).toBe('rogan_gladen');
    expect(Object.keys(h.assumptions)).toEqual(['rogan_gladen', 'ppi_plus_plus']);
    const text = await cli(['judge', 'correct', '--gold', 'support', '--judge', 'judge@v1', '--window', '30d', '--now', '2026-04-01T00:00:00Z']);
    expect(text.stdout).toMatch(/recommended {2}Rogan–Gladen/);
    expect(text.stdout).toMatch(/sensitivity {2}PPI\+\+/);
    expect(text.stdout).toMatch(/assumes: PPI\+\+: gold items are a random sample/);
    const none = await cli(['judge', 'correct', '--gold', 'support', '--judge', 'judge@v1', '--shadow', 'nope']);
    expect(none.code).toBe(3);
    expect(none.stderr).toMatch(/no shadow set "nope"/);
    expect((await cli(['judge', 'correct', '--gold', 'support', '--judge', 'judge@v1'])).code).toBe(2);
  });

  it('--help teaches with examples', async () => {
    const h = await cli(['judge', 'calibrate', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/--require-trusted/);
    expect(h.stdout).toMatch(/Examples:/);
  });
});
