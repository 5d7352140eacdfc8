import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemas } from '@touchstone/core';
import { createRng, shuffleInPlace } from '@touchstone/core/stats';
import { CorrectedPassRateSchema } from '@touchstone/judge-calibration';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from './helpers/cli.js';
import { evalPipeline } from './examples/pipeline.js';
import { pureChecks, runPassRate } from './examples/pure-stats.js';
import { writePipelineData, type PipelineDataOptions } from './examples/pipeline-data.js';

// Runs the pipeline example of docs/pipeline.md (test/examples/pipeline.ts, the very file the docs
// show) against the built packages, on data where the truth is known.
const tmp = tempDir('touchstone-pipeline-');
afterAll(() => tmp.cleanup());
let n = 0;
async function run(options: PipelineDataOptions) {
  const dir = join(tmp.dir, String(n++));
  mkdirSync(dir);
  return evalPipeline({ db: join(dir, 'touchstone.duckdb'), ...writePipelineData(dir, options), judge: 'support-judge@v1' });
}

const EXAMPLE = readFileSync(join(REPO, 'test/examples/pipeline.ts'), 'utf8');
const PURE_EXAMPLE = readFileSync(join(REPO, 'test/examples/pure-stats.ts'), 'utf8');
const typescriptBlocks = (markdown: string): string[] => [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

describe('the eval-pipeline example', () => {
  it('docs/pipeline.md shows exactly the code this test runs', () => {
    const blocks = typescriptBlocks(readFileSync(join(REPO, 'docs/pipeline.md'), 'utf8'));
    expect(blocks).toContain(EXAMPLE);
    expect(blocks).toContain(PURE_EXAMPLE);
  });

  it("README.md's \"Library for eval pipelines\" section shows the same code, once it is there", () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const start = readme.indexOf('## Library for eval pipelines');
    if (start < 0) {
      console.warn('README.md has no "## Library for eval pipelines" section yet: paste it from docs/pipeline.md');
      return;
    }
    const next = readme.indexOf('\n## ', start + 1);
    expect(typescriptBlocks(readme.slice(start, next < 0 ? undefined : next))).toContain(EXAMPLE);
  });

  it('passes a healthy gold set and judge, and corrects the run pass rate: the interval holds the true 2/3', async () => {
    const r = await run({});
    expect(r.guard.failures).toEqual([]);
    expect(r.guard.checks.map((c) => c.status)).toEqual(['pass', 'pass', 'pass']);
    if (!r.ok) throw new Error('the guard should pass');
    // Run outputs have quality 3, 4 or 5 in equal shares: 2/3 truly pass (≥ 4).
    expect(r.observedPassRate).toBeGreaterThan(0.6);
    expect(r.corrected.ci[0]).toBeLessThan(2 / 3);
    expect(r.corrected.ci[1]).toBeGreaterThan(2 / 3);
    expect(r.corrected.diagnostics.n_labeled).toBe(300);
    expect(r.corrected.diagnostics.n_unlabeled).toBe(400);
    // Plain JSON, described by the exported schemas.
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(schemas.GuardResultSchema.parse(r.guard)).toEqual(r.guard);
    expect(CorrectedPassRateSchema.parse(r.corrected)).toEqual(r.corrected);
  });

  it('stops at the guard when a lenient labeler carries the gold, naming them', async () => {
    const r = await run({ lenientLabeler: true });
    expect(r.ok).toBe(false);
    expect(r.guard.failures.map((f) => f.check)).toEqual(['labeler_impact']);
    expect(r.guard.failures[0]?.message).toMatch(/^labeler "lenny" is flagged leniency .* corrected for their bias, \d+\.\d of 300 items \(\d+\.\d%\) would flip/);
  });

  it('stops at the guard when the judge is untrusted in band 5, which the pipeline relies on', async () => {
    const r = await run({ lenientJudge: true });
    expect(r.ok).toBe(false);
    expect(r.guard.failures.map((f) => f.check === 'judge_bands' && [f.details.band, f.details.verdict])).toEqual([['5', 'untrusted']]);
    expect(r.guard.failures[0]?.message).toContain('judge "support-judge@v1" is untrusted in band 5, which the pipeline relies on');
  });
});

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers × 12 units,
// published ordinal α = 0.815 (0.8153875037548813 in core's krippendorff-alpha.test.ts).
const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
const UNITS = A.map((_, u) => [A[u] ?? null, B[u] ?? null, C[u] ?? null, D[u] ?? null]);

describe('the pure-statistics example (no store)', () => {
  it('computes agreement and judge verdicts from plain arrays', () => {
    const human = Array.from({ length: 100 }, (_, i) => 1 + (i % 5));
    const judge = human.map((h, i) => (i % 7 === 0 ? Math.min(5, h + 1) : h));
    const r = pureChecks(UNITS, judge, human);
    expect(r.alpha).toBeCloseTo(0.8153875037548813, 12);
    // scikit-learn 1.9.1: cohen_kappa_score(judge, human, weights='quadratic') -> 0.97
    expect(r.kappa).toBeCloseTo(0.97, 12);
    // Within ±1 the judge always agrees; the smallest band (judge says 1) has 17 items, Wilson lower bound 17/(17 + 1.96²) = 0.816 > 0.8.
    expect(r.trusted).toEqual(['1', '2', '3', '4', '5']);
    expect(r.untrusted).toEqual([]);
  });

  it('estimates a run pass rate by PPI from a labeled random sample of the run', () => {
    // 1,000 outputs, 60% pass; the judge passes every passing output and about a sixth of the failing
    // ones; humans label a seeded random quarter of them.
    const rng = createRng(5);
    const truth = Array.from({ length: 1000 }, (_, i) => (i % 5 < 3 ? 1 : 0));
    const judged = truth.map((t) => (t === 1 || rng.next() < 1 / 6 ? 1 : 0));
    const labeled = new Set(shuffleInPlace(truth.map((_, i) => i), rng).slice(0, 250));
    const sample = [...labeled];
    const unlabeled = judged.filter((_, i) => !labeled.has(i));
    const r = runPassRate({ human: sample.map((i) => truth[i] ?? 0), judge: sample.map((i) => judged[i] ?? 0) }, unlabeled);
    // The judge alone says about 0.67; PPI's interval holds the true 0.6.
    expect(unlabeled.reduce<number>((a, b) => a + b, 0) / unlabeled.length).toBeGreaterThan(0.64);
    expect(r.ci[0]).toBeLessThan(0.6);
    expect(r.ci[1]).toBeGreaterThan(0.6);
    expect(r.diagnostics).toMatchObject({ n_labeled: 250, n_unlabeled: 750 });
  });
});
