// Workload: judge calibration of 100,000 scored items with 10,000 bootstrap resamples per band (issue 5),
// through the real CLI on a real store, against the peer a user would write with scipy.stats.bootstrap
// (BCa) and statsmodels on the same pairs. Target: Touchstone at least as fast as the scipy peer.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '@touchstone/core/stats';
import { interleavedBest, measure } from '../lib/measure.mjs';
import { BENCH, REPO, TOUCHSTONE, outDir } from '../lib/paths.mjs';
import { ensurePython } from '../lib/python.mjs';

/**
 * Deterministic pairs on a 1–5 scale: humans uniform; the judge right 60% of the time, one point off
 * 30%, and it gives 5 to a tenth of what humans rate 1 or 2 (a top band worth catching).
 */
function generate(n) {
  const dir = outDir('data');
  const files = { labels: join(dir, `judge-labels-${n}.jsonl`), judge: join(dir, `judge-scores-${n}.jsonl`), pairs: join(dir, `judge-pairs-${n}.csv`) };
  if (Object.values(files).every(existsSync)) return files;
  const rng = createRng(5);
  const labels = [];
  const scores = [];
  const pairs = ['item_id,judge,human'];
  for (let i = 0; i < n; i++) {
    const h = 1 + rng.int(5);
    const u = rng.next();
    let j = u < 0.6 ? h : u < 0.9 ? h + (rng.next() < 0.5 ? -1 : 1) : h + rng.int(5) - 2;
    if (h <= 2 && rng.next() < 0.1) j = 5;
    j = Math.min(5, Math.max(1, j));
    labels.push(JSON.stringify({ item_id: `b${i}`, labeler_id: 'rater', label: h, labeled_at: '2026-01-01T00:00:00Z' }));
    scores.push(JSON.stringify({ item_id: `b${i}`, score: j }));
    pairs.push(`b${i},${j},${h}`);
  }
  writeFileSync(files.labels, `${labels.join('\n')}\n`);
  writeFileSync(files.judge, `${scores.join('\n')}\n`);
  writeFileSync(files.pairs, `${pairs.join('\n')}\n`);
  return files;
}

// The library with the count shortcut switched off: every resample draws n item indices, as scipy does.
const ITEMS_SCRIPT = `
import { readFileSync } from 'node:fs';
import { bootstrapMeans } from '@touchstone/judge-calibration';
const [file, resamples] = process.argv.slice(1);
const rows = readFileSync(file, 'utf8').trim().split('\\n').slice(1).map((l) => l.split(',').map(Number));
const out = {};
for (const [view, k] of [['bands', 1], ['bands_by_human', 2]]) {
  out[view] = [1, 2, 3, 4, 5].map((b, i) => {
    const m = rows.filter((r) => Math.floor(r[k] + 0.5) === b);
    const d = m.map((r) => r[1] - r[2]);
    const r = bootstrapMeans([d, d.map(Math.abs)], { resamples: Number(resamples), seed: 1 + i, sampler: 'items' });
    return { band: String(b), n: d.length, bias_ci: r.intervals[0].ci, mae_ci: r.intervals[1].ci };
  });
}
console.log(JSON.stringify(out));`;

export async function run({ quick }) {
  const n = quick ? 10_000 : 100_000;
  const resamples = quick ? 2_000 : 10_000;
  const files = generate(n);
  const scratch = outDir('scratch', 'judge');
  const db = join(scratch, 'judge.duckdb');
  rmSync(db, { force: true });
  rmSync(`${db}.wal`, { force: true });
  // Setup, not timed: the gold labels and the judge's scores go into a real store.
  await measure(process.execPath, [TOUCHSTONE, '--db', db, 'ingest', 'labels', files.labels, '--gold', 'bench', '--scale', 'ordinal:1-5', '--pass-threshold', '4', '--actor', 'bench', '--json']);
  await measure(process.execPath, [TOUCHSTONE, '--db', db, 'ingest', 'judge', files.judge, '--judge', 'bench-judge', '--gold', 'bench', '--actor', 'bench', '--json']);

  const missing = ensurePython(['numpy', 'pandas', 'scipy', 'statsmodels']);
  const runs = [
    { label: 'touchstone judge calibrate (CLI, store)', go: () => measure(process.execPath, [TOUCHSTONE, '--db', db, 'judge', 'calibrate', '--gold', 'bench', '--judge', 'bench-judge', '--resamples', String(resamples), '--next', '0', '--json']) },
    { label: 'judge-calibration library, item resampling', go: () => measure(process.execPath, ['--input-type=module', '-e', ITEMS_SCRIPT, files.pairs, String(resamples)], { cwd: REPO }) },
    ...(missing === null ? [{ label: 'scipy.stats.bootstrap BCa + statsmodels (peer)', go: () => measure('python3', [join(BENCH, 'peers/judge_peer.py'), files.pairs, String(resamples), '1']) }] : []),
  ];
  const rounds = quick ? 1 : 2;
  const best = await interleavedBest(runs, rounds);
  const rows = runs.map((r, i) => ({ label: r.label, seconds: best[i].seconds, cpu_s: best[i].cpu_s, peak_rss_mb: best[i].peak_rss_mb }));
  const cli = JSON.parse(best[0].stdout);
  if (cli.n_pairs !== n) throw new Error(`touchstone calibrated ${cli.n_pairs} of ${n} pairs`);
  const notes = [
    `${n.toLocaleString('en-US')} pairs (judge and human on 1–5, generated with seed 5), ${resamples.toLocaleString('en-US')} resamples per band; 10 bands (5 by judge score, 5 by human score), each with a Wilson interval for agreement and BCa intervals for bias and MAE from shared resamples.`,
    'The CLI does more than the peers: it also reads and pairs from DuckDB, bootstraps Cohen’s and weighted kappa, and computes rank correlations and the confusion matrix. On scores with few distinct values it draws each resample as multinomial counts (same distribution as resampling items); the library row switches that off.',
    `${rounds === 1 ? 'one run each' : `fastest of ${rounds} interleaved runs each`}; setup (ingest) not timed.`,
  ];
  if (missing !== null) notes.push(`scipy peer skipped: ${missing}`);
  else {
    // Same intervals up to Monte Carlo error: largest endpoint gap relative to the interval's width.
    const peer = JSON.parse(best[2].stdout);
    let worst = 0;
    for (const view of ['bands', 'bands_by_human']) {
      cli[view].forEach((band, i) => {
        const p = peer[view][i];
        for (const key of ['bias_ci', 'mae_ci']) {
          if (band[key] === null || p[key] === undefined) continue;
          const width = Math.max(1e-12, band[key][1] - band[key][0]);
          worst = Math.max(worst, Math.abs(band[key][0] - p[key][0]) / width, Math.abs(band[key][1] - p[key][1]) / width);
        }
      });
    }
    notes.push(`agreement with scipy: largest BCa endpoint difference ${(100 * worst).toFixed(1)}% of the interval width (Monte Carlo error)`);
    const ratio = rows[0].seconds / rows[2].seconds;
    notes.push(`target: touchstone at least as fast as scipy.stats.bootstrap: ${ratio.toFixed(3)}× its time — ${ratio <= 1 ? 'met' : 'MISSED'}`);
    notes.push(`library with item resampling (no count shortcut): ${(rows[1].seconds / rows[2].seconds).toFixed(3)}× scipy's time`);
  }
  rmSync(scratch, { recursive: true, force: true });
  return { name: `judge calibration: ${n.toLocaleString('en-US')} items, ${resamples.toLocaleString('en-US')} bootstrap resamples per band`, rows, notes };
}
