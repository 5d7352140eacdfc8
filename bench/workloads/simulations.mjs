// Workload: the statistical simulation suites (false-alarm rate under no effect, power under a planted
// effect) at their full seed counts. `npm test` runs them with reduced counts; here TOUCHSTONE_FULL_SIM=1
// (run.mjs sets it outside --quick) makes each suite run its full count, with the same assertions.
import { join } from 'node:path';
import { measure } from '../lib/measure.mjs';
import { REPO } from '../lib/paths.mjs';

const SUITES = [
  ['packages/core', 'src/skew/skew-simulation.test.ts', 'labeler skew: false flags under no effect, power on a planted lenient labeler'],
  ['packages/core', 'src/drift/drift-simulation.test.ts', 'drift: false alarms under no drift, power on a new intent, coverage gap, stale gold, pass-rate drop'],
  ['packages/core', 'src/eval-diff/diff-simulation.test.ts', 'eval diff: false regressions under no change, power on a slice drop'],
  ['packages/judge-calibration', 'src/calibration/coverage-simulation.test.ts', 'judge calibration: coverage of Wilson, Rogan–Gladen and PPI++ intervals'],
  ['packages/core', 'src/drift/pass-rate-simulation.test.ts', 'pass-rate drift, judge on both sides: false alarms with biased judges and weights, power on 94% → 85%'],
  ['packages/judge-calibration', 'src/correction/human-scale-simulation.test.ts', 'human-scale estimators: coverage under prevalence shift and a slice-mix shift (the recommendation follows it)'],
  ['packages/core', 'src/ingest/native/native-equivalence.test.ts', 'ingest: DuckDB fast path against the zod path on random messy files'],
];

export async function run({ quick }) {
  const vitest = join(REPO, 'node_modules/.bin/vitest');
  const rows = [];
  const notes = [];
  for (const [pkg, file, what] of SUITES) {
    // A failed assertion exits 1: reported as FAILED with its output, not as a fast run.
    const m = await measure(vitest, ['run', file], { cwd: join(REPO, pkg), env: { TOUCHSTONE_FULL_SIM: quick ? '0' : '1', NO_COLOR: '1' }, allowExit: [0, 1] });
    // What the suites print: their measured rates ("… 7/300 runs", "coverage 0.9408 …"), without vitest's own lines.
    const printed = `${m.stdout}\n${m.stderr}`
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /coverage \d|\d+\/\d+/.test(l) && !/^(stdout \||✓|×|❯)|Test Files|Tests /.test(l));
    rows.push({ label: `${what} (${file})`, seconds: m.seconds, peak_rss_mb: m.peak_rss_mb, status: m.code === 0 ? 'passed' : 'FAILED' });
    for (const l of [...new Set(printed)].slice(0, 20)) notes.push(`${file}: ${l}`);
    if (m.code !== 0) notes.push(`${file} FAILED:\n${m.stdout.slice(-3000)}`);
  }
  notes.unshift(`seed counts: ${quick ? 'reduced (as in npm test)' : 'full (TOUCHSTONE_FULL_SIM=1)'}; each suite's assertions are the pass criterion (rates within about two binomial standard errors of their targets)`);
  return { name: 'statistical simulations at full seed counts', rows, notes };
}
