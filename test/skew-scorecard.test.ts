import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateDemo, scoreSkew, type SkewScorecard } from '@touchstone/datasets';
import { schemas } from '@touchstone/core';
import { runCli, tempDir } from './helpers/cli.js';

// The planted-effects scorecard, reduced (bench/workloads/skew-scorecard.mjs runs the default seed and
// ten others, and more seeds and scales in a full run): the demo at three seeds, ingested and audited
// exactly as a user would — the real CLI, no config — and scored against its manifest.
const SEEDS = [DEFAULT_SEED, 3, 7];
const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function audit(seed: number): Promise<{ card: SkewScorecard; items: number }> {
  const { files, manifest } = generateDemo({ seed, outDir: join(tmp.dir, `demo-${seed}`) });
  const db = join(tmp.dir, `s-${seed}.duckdb`);
  const ingest = await runCli(['--db', db, 'ingest', 'labels', files.labels, '--gold', manifest.gold_set, '--scale', manifest.scale_spec, '--pass-threshold', String(manifest.pass_threshold)]);
  expect(ingest.code).toBe(0);
  const run = await runCli(['--db', db, 'skew', '--gold', manifest.gold_set, '--json']);
  expect(run.code).toBe(1);
  return { card: scoreSkew(manifest, schemas.SkewReportSchema.parse(JSON.parse(run.stdout))), items: manifest.counts.items };
}

describe('planted-effects scorecard of touchstone skew on the demo (reduced)', () => {
  it(`finds the lenient labeler on her slice and the tone guideline shift, flags no unplanted labeler twice, and keeps unbiased impacts near 0 and below hers relative to volume (${SEEDS.length} seeds)`, async () => {
    const runs: { card: SkewScorecard; items: number }[] = [];
    for (const seed of SEEDS) runs.push(await audit(seed));
    const found = (effect: string): number => runs.filter((r) => r.card.planted.find((p) => p.effect === effect)?.found === true).length;
    console.log(runs.map((r, k) => `seed ${SEEDS[k]}: ${r.card.planted.map((p) => `${p.effect} ${p.found ? `#${p.rank}` : 'missed'}`).join(', ')}; unexplained: ${r.card.unexplained.join('; ') || 'none'}`).join('\n'));
    expect(found('lenient dana.r on hallucinated_policy')).toBe(SEEDS.length);
    expect(found('guideline_shift v1 on tone')).toBe(SEEDS.length);
    // Only tone has a planted guideline shift. Before the same-labeler test allowed for items shared by
    // labelers (their labels move together), it also "found" one on hallucinated_policy or correct in
    // 12 of 70 runs at scales 1 and 2; after, 1 of 55 (bench/RESULTS.md, skew-scorecard).
    for (const r of runs) expect(r.card.unexplained.filter((u) => u.includes('guideline_shift'))).toEqual([]);
    const unplanted = new Map<string, number>();
    for (const r of runs) for (const id of r.card.unplantedFlagged) unplanted.set(id, (unplanted.get(id) ?? 0) + 1);
    expect([...unplanted.values()].every((n) => n <= 1)).toBe(true);
    for (const r of runs) {
      // Labelers with no planted effect: |counterfactual pass-rate shift| ≤ 0.5 points, flips ≤ 1% of items;
      // the lenient labeler moves her slice more than any of them moves it.
      expect(r.card.calibration.unplantedMaxShift).toBeLessThanOrEqual(0.005);
      expect(r.card.calibration.unplantedMaxFlips).toBeLessThanOrEqual(0.01 * r.items);
      expect(r.card.calibration.plantedOnSlice).toBeGreaterThan(r.card.calibration.unplantedMaxOnSlice);
      // Relative to an unbiased labeler of the same volume (what flags are ranked by), her impact is the
      // largest of any labeler without a planted effect.
      expect(r.card.calibration.plantedRelative).toBeGreaterThan(r.card.calibration.unplantedMaxRelative);
    }
    // Fatigue (felix.m, hana.s) is logged, not asserted: at the demo's scale the test finds it in about
    // two thirds of labeler-runs, short of the issue's 90% (bench/RESULTS.md, skew-scorecard: its power by scale).
  }, 600_000);
});
