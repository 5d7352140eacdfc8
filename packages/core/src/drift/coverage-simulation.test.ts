import { describe, expect, it } from 'vitest';
import { createRng } from '../stats/rng.js';
import { analyzeDrift, type DriftInputs } from './analyze-drift.js';
import { makeWorld, NO_DRIFT, simulate, type Scenario } from './test-helpers/simulate.js';

// Coverage gaps by simulation: a new intent at 5% of traffic that carries no slice (an unrouted
// request), so only text (or embedding) similarity can find it. Runs with the lexical default
// (character n-gram TF-IDF) and with precomputed embeddings (each intent a random direction in 24
// dimensions plus noise of the same size). Reduced runs by default; TOUCHSTONE_FULL_SIM=1 (bench/)
// runs ten times more. Bounds allow two binomial standard errors of simulation error.
const FULL = process.env['TOUCHSTONE_FULL_SIM'] === '1';
const world = makeWorld(20, 7);
const DIM = 24;

function withEmbeddings(inputs: DriftInputs, seed: number): DriftInputs {
  const rng = createRng(seed ^ 0x5eed);
  const centroids = new Map<string, number[]>();
  const centroid = (key: string): number[] => {
    let c = centroids.get(key);
    if (c === undefined) {
      c = Array.from({ length: DIM }, () => rng.normal());
      centroids.set(key, c);
    }
    return c;
  };
  // Direction per intent from a fixed stream, so gold and traffic share them; the noise differs per text.
  const fixed = createRng(99);
  for (const intent of [...world.intents, 'new']) centroids.set(intent, Array.from({ length: DIM }, () => fixed.normal()));
  const embed = (intent: string): number[] => centroid(intent).map((x) => x + 0.8 * rng.normal());
  return {
    ...inputs,
    gold: inputs.gold.map((g) => ({ ...g, embedding: embed(g.slice ?? 'new') })),
    shadow: inputs.shadow.map((s) => ({ ...s, embedding: embed(s.slice ?? 'new') })),
  };
}

function coverageAlertRate(scenario: Scenario, runs: number, firstSeed: number, embeddings: boolean): number {
  let hits = 0;
  for (let seed = firstSeed; seed < firstSeed + runs; seed++) {
    const base = simulate(world, scenario, seed);
    const report = analyzeDrift(embeddings ? withEmbeddings(base, seed) : base);
    if (embeddings) expect(report.coverage?.representation).toBe('embedding');
    if (report.alerts.some((a) => a.kind === 'coverage_gap')) hits++;
    if (process.env['TS_SIM_LOG'] !== undefined) console.log(`excess ${report.coverage?.excess.toFixed(4)} p ${report.coverage?.p_value.toExponential(2)}`);
  }
  console.log(`coverage simulation (${embeddings ? 'embeddings' : 'lexical'}): ${hits}/${runs} runs alerted on coverage_gap, new intent ${scenario.newIntentShare}`);
  return hits / runs;
}

const se = (p: number, n: number): number => Math.sqrt((p * (1 - p)) / n);
const DRIFTED: Scenario = { ...NO_DRIFT, nGold: 2000, nShadow: 1000, newIntentShare: 0.05, newIntentLabeled: false };
const CALM: Scenario = { ...NO_DRIFT, nGold: 2000, nShadow: 1000 };

describe('coverage gaps by simulation (a new intent at 5%, unrouted)', () => {
  for (const embeddings of [false, true]) {
    const name = embeddings ? 'embeddings' : 'the lexical default';
    it(`with ${name}: detected in at least 90% of runs`, () => {
      const runs = FULL ? 100 : 10;
      expect(coverageAlertRate(DRIFTED, runs, 7000, embeddings)).toBeGreaterThanOrEqual(0.9 - 2 * se(0.9, runs));
    }, 600_000);
    it(`with ${name}: windows without a new intent alert on coverage in at most 5% of runs`, () => {
      const runs = FULL ? 200 : 12;
      expect(coverageAlertRate(CALM, runs, 8000, embeddings)).toBeLessThanOrEqual(0.05 + 2 * se(0.05, runs));
    }, 600_000);
  }
});
