// Workload: the planted-effects scorecard of `touchstone skew` (issue 17). The demo is generated at many
// seeds (and, in a full run, at other scales), ingested and audited exactly as a user would — the real
// CLI, no config: `touchstone ingest labels …` then `touchstone skew --gold support-demo --json` — and
// every planted effect of the manifest is scored (found with the right labeler / slice / kind /
// direction, and its rank), with every flag no plant explains. Prints recall per effect, false
// findings per run, and the impact calibration. test/skew-scorecard.test.ts runs a reduced version.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SEED, generateDemo, scoreSkew } from '@touchstone/datasets';
import { measure } from '../lib/measure.mjs';
import { TOUCHSTONE, outDir } from '../lib/paths.mjs';

/** The default seed and ten others: the runs the issue's "must show" counts. */
export const SEEDS = [DEFAULT_SEED, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** One user run: generate, ingest, audit, score. */
export async function scoreRun(seed, scale, dir) {
  const { files, manifest } = generateDemo({ seed, scale, outDir: join(dir, `demo-${seed}-${scale}`) });
  const db = join(dir, `store-${seed}-${scale}.duckdb`);
  rmSync(db, { force: true });
  await measure(process.execPath, [TOUCHSTONE, '--db', db, 'ingest', 'labels', files.labels, '--gold', manifest.gold_set, '--scale', manifest.scale_spec, '--pass-threshold', String(manifest.pass_threshold)]);
  const skew = await measure(process.execPath, [TOUCHSTONE, '--db', db, 'skew', '--gold', manifest.gold_set, '--json'], { allowExit: [0, 1] });
  const report = JSON.parse(skew.stdout);
  return { seed, scale, items: manifest.counts.items, seconds: skew.seconds, card: scoreSkew(manifest, report) };
}

/** Recall per planted effect, false findings, calibration, as lines. */
export function summarize(runs) {
  const lines = [];
  const effects = [...new Set(runs.flatMap((r) => r.card.planted.map((p) => p.effect)))];
  for (const e of effects) {
    const hits = runs.map((r) => r.card.planted.find((p) => p.effect === e)).filter((p) => p?.found);
    const ranks = hits.map((p) => p.rank).sort((a, b) => a - b);
    lines.push(`${e}: found in ${hits.length}/${runs.length} runs; rank median ${ranks[Math.floor(ranks.length / 2)] ?? '-'}, worst ${ranks.at(-1) ?? '-'}`);
  }
  const byLabeler = new Map();
  for (const r of runs) for (const id of r.card.unplantedFlagged) byLabeler.set(id, (byLabeler.get(id) ?? 0) + 1);
  lines.push(`unplanted labelers flagged: ${[...byLabeler].map(([id, n]) => `${id} in ${n}/${runs.length}`).join(', ') || 'none'}`);
  lines.push(`unexplained flags per run: ${runs.map((r) => r.card.unexplained.length).join(' ')} (${runs.flatMap((r) => r.card.unexplained.map((u) => `seed ${r.seed}: ${u}`)).join('; ') || 'none'})`);
  lines.push(`of those, leniency/severity in the direction of a real offset the generator makes but the manifest does not list (|offset| ≥ 0.01; datasets/src/unplanted-offsets.ts): ${runs.reduce((n, r) => n + r.card.alongUnplantedOffset.length, 0)} of ${runs.reduce((n, r) => n + r.card.unexplained.length, 0)}`);
  const cal = runs.map((r) => r.card.calibration);
  lines.push(`impact calibration, unplanted labelers: max |pass-rate shift| ${Math.max(...cal.map((c) => c.unplantedMaxShift * 100)).toFixed(2)} points, max flips ${Math.max(...runs.map((r) => r.card.calibration.unplantedMaxFlips)).toFixed(1)} (1% of items: ${Math.min(...runs.map((r) => r.items)) / 100})`);
  lines.push(`planted labeler's flips on her slice vs the largest unplanted labeler's on that slice: above in ${cal.filter((c) => c.plantedOnSlice > c.unplantedMaxOnSlice).length}/${runs.length} (${cal.map((c) => `${c.plantedOnSlice.toFixed(1)}>${c.unplantedMaxOnSlice.toFixed(1)}`).join(' ')}); vs the largest unplanted overall: above in ${cal.filter((c) => c.plantedOnSlice > c.unplantedMaxFlips).length}/${runs.length}`);
  lines.push(`planted labeler's impact relative to an unbiased labeler of her volume (flips ÷ unbiased p95) vs the largest unplanted labeler's: above in ${cal.filter((c) => c.plantedRelative > c.unplantedMaxRelative).length}/${runs.length} (${cal.map((c) => `${c.plantedRelative.toFixed(1)}>${c.unplantedMaxRelative.toFixed(1)}`).join(' ')})`);
  lines.push(`unplanted labelers' flips ≤ 1% of items and |shift| ≤ 0.5 points in ${runs.filter((r) => r.card.calibration.unplantedMaxFlips <= r.items / 100 && r.card.calibration.unplantedMaxShift <= 0.005).length}/${runs.length} runs`);
  return lines;
}

export async function run({ quick }) {
  const dir = outDir('skew-scorecard');
  const plan = [
    ...SEEDS.map((seed) => [seed, 1]),
    ...(quick ? [] : [...Array.from({ length: 19 }, (_, k) => [11 + k, 1]), ...[0.5, 2].flatMap((scale) => Array.from({ length: 10 }, (_, k) => [100 + k, scale]))]),
  ];
  const runs = [];
  for (const [seed, scale] of plan) runs.push(await scoreRun(seed, scale, dir));
  const notes = [];
  for (const scale of [...new Set(runs.map((r) => r.scale))]) {
    const at = runs.filter((r) => r.scale === scale);
    notes.push(`scale ${scale} (${at[0].items} items), ${at.length} seeds:`, ...summarize(at).map((l) => `  ${l}`));
    if (scale === 1) notes.push(`  the issue's 11 runs (default seed and 1–10):`, ...summarize(at.filter((r) => SEEDS.includes(r.seed))).map((l) => `    ${l}`));
  }
  notes.push(
    'fatigue power by scale is its power curve: the planted drift is +0.03 per item after the 25th of a session (sessions grow with the scale). The test is one straight-trend test per labeler pooled over all their sessions, two-sided; told the true change point it would find about 91% at scale 1 (a test that searches for the point needs its own calibrated null: not built).',
    'unexplained flags at scale 2 come mostly from (1) the generator\'s real but unlisted offsets (unplanted biases of ±0.02–0.03 and noise clipped at the ends of the 1–5 scale: ivan.p, the noisiest, really is about +0.065 on unsafe_action) that the larger sample can reach, and (2) Benjamini–Hochberg counting the fatigued labelers\' leniency on every slice (about 14 redundant discoveries a run), which loosens its cut-off for everyone; the leniency z less the true offset has sd 1.02 there, so the tests themselves are calibrated.',
  );
  return { name: 'planted-effects scorecard of touchstone skew on the demo', rows: runs.map((r) => ({ label: `seed ${r.seed} scale ${r.scale}`, seconds: r.seconds, peak_rss_mb: 0, found: r.card.planted.filter((p) => p.found).length, unexplained: r.card.unexplained.length })), notes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await run({ quick: !process.argv.includes('--full') });
  console.log(result.notes.join('\n'));
}
