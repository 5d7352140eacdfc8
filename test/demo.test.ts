import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

interface DemoJson {
  demo: { dir: string; seed: number; generated: boolean; counts: { items: number; labels: number; traffic: number } };
  ingest: { kind: string; status: string; inserted: number }[];
  provenance: { items: { total: number }; labels: { current: number; total_rows: number }; labelers: { labeler_id: string; share: number }[] };
  verify: { intact: boolean; rows_checked: { labels: number; traffic: number; judge_scores: number } };
  planted: { lenient_labeler: { labeler_id: string; item_share: number } };
}

const { dir, cleanup } = tempDir('touchstone-demo-');
afterAll(cleanup);

describe('touchstone demo (real CLI, fresh working directory)', () => {
  it('generates the data under .touchstone/demo, ingests it once, and a second run adds nothing', async () => {
    const first = await runCli(['demo', '--json'], { cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const a = JSON.parse(first.stdout) as DemoJson;
    expect(a.demo.generated).toBe(true);
    expect(existsSync(join(dir, '.touchstone/demo/manifest.json'))).toBe(true);
    expect(existsSync(join(dir, '.touchstone/touchstone.duckdb'))).toBe(true);
    expect(a.ingest.map((s) => [s.kind, s.status])).toEqual([['labels', 'ingested'], ['judge', 'ingested'], ['traffic', 'ingested']]);
    expect(a.provenance.items.total).toBe(2000);
    expect(a.provenance.labels.current).toBe(a.demo.counts.labels);
    expect(a.verify).toMatchObject({ intact: true, rows_checked: { labels: a.demo.counts.labels, traffic: 50_000, judge_scores: 2000 } });
    const dana = a.provenance.labelers.find((l) => l.labeler_id === a.planted.lenient_labeler.labeler_id);
    expect(dana?.share).toBeCloseTo(a.planted.lenient_labeler.item_share, 3);

    const second = await runCli(['demo', '--json'], { cwd: dir });
    expect(second.code).toBe(0);
    const b = JSON.parse(second.stdout) as DemoJson;
    expect(b.demo.generated).toBe(false);
    expect(b.ingest.every((s) => s.status === 'already_present' && s.inserted === 0)).toBe(true);
    expect(b.provenance.labels.total_rows).toBe(a.provenance.labels.total_rows);
    expect(b.verify.rows_checked).toEqual(a.verify.rows_checked);
  });

  it('prints a static summary without --json, and regenerating with the same seed gives the same bytes', async () => {
    const before = readFileSync(join(dir, '.touchstone/demo/traffic.jsonl'));
    const text = await runCli(['demo', '--regenerate'], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Provenance of gold set "support-demo"/);
    expect(text.stdout).toMatch(/intact: the hash chain/);
    expect(text.stdout).toMatch(/labels +already in the store/);
    // The sunset intent (fax_support, gone from traffic since 2025-07-02) shows as stale gold by content:
    // gold slices are failure modes, so only the texts can tell.
    expect(text.stdout).toMatch(/stale gold: \d+ gold items \([\d.]+% of the \d+ distinct gold items compared\) with no close request in traffic, e\.g\. "[^"]*\bfax/);
    // The planted findings a user reads in the summary: the lenient labeler on her failure mode, the
    // guideline shift on tone, and the new intent in production.
    expect(text.stdout).toMatch(/dana\.r +leniency +on hallucinated_policy/);
    expect(text.stdout).toMatch(/guideline v1 vs v2 guideline_shift on tone/);
    expect(text.stdout).toMatch(/crypto_refund/);
    expect(readFileSync(join(dir, '.touchstone/demo/traffic.jsonl')).equals(before)).toBe(true);
  });

  it('a bad --seed is a usage error (exit 2) naming the option', async () => {
    const bad = await runCli(['demo', '--seed', 'x'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--seed must be a whole number/);
  });
});
