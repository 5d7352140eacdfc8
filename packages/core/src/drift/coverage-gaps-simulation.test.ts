import { describe, expect, it } from 'vitest';
import { createRng } from '../stats/rng.js';
import { DEFAULT_COVERAGE } from './drift-config.js';
import { outsideReference } from './outside-reference.js';
import { makeWorld, NO_DRIFT, simulate, utterance, type World } from './test-helpers/simulate.js';

// Coverage gaps as a user reads them, by simulation: a new intent gold has never seen should be ONE
// gap holding most of its uncovered requests, two new intents two gaps, and traffic drawn from gold's
// own distribution no gap beyond a few items. Gold: 2,000 items of 20 intents; shadow: 1,000 requests
// (as many as half of gold, where gaps link at τ itself) or 400 (sparser than gold: gaps link at the
// similarity measured at that density), the new intents unrouted (no slice). Lexical default (character n-gram TF-IDF) and precomputed
// embeddings (a random direction per intent in 24 dimensions plus noise of the same size). Seeds are
// fixed, so the counts are deterministic; TOUCHSTONE_FULL_SIM=1 (bench/) runs five times more.
const FULL = process.env['TOUCHSTONE_FULL_SIM'] === '1';
const RUNS = FULL ? 100 : 20;
const all = makeWorld(21, 7);
// Gold and known traffic use the first 20 intents; intent_20 and intent_21 are the new ones.
const known: World = { ...all, intents: all.intents.slice(0, 20), weights: normalized(all.weights.slice(0, 20)) };
const NEW = ['intent_20', 'intent_21'];
const DIM = 24;

function normalized(xs: readonly number[]): number[] {
  const s = xs.reduce((a, b) => a + b, 0);
  return xs.map((x) => x / s);
}

interface Planted {
  readonly gold: string[];
  readonly shadow: string[];
  /** The request's true intent. */
  readonly truth: string[];
  readonly embeddings?: { reference: number[][]; queries: number[][] };
}

/** Gold and a shadow set whose new-intent requests (share `newShare` in all) are split evenly over `nNew` new intents. */
function plant(seed: number, nShadow: number, newShare: number, nNew: number, embeddings: boolean): Planted {
  const base = simulate(known, { ...NO_DRIFT, nGold: 2000, nShadow, newIntentShare: newShare, newIntentLabeled: false }, seed);
  const rng = createRng(seed ^ 0xc0ffee);
  let k = 0;
  const shadow = base.shadow.map((s) => (s.slice !== null ? { text: s.input, truth: s.slice } : (() => {
    const intent = NEW[k++ % nNew] as string;
    return { text: nNew === 1 ? s.input : utterance(all, intent, rng), truth: intent };
  })()));
  const gold = base.gold.map((g) => ({ text: g.input ?? '', truth: g.slice ?? '' }));
  if (!embeddings) return { gold: gold.map((g) => g.text), shadow: shadow.map((s) => s.text), truth: shadow.map((s) => s.truth) };
  const fixed = createRng(99);
  const centroids = new Map([...all.intents, ...NEW].map((i) => [i, Array.from({ length: DIM }, () => fixed.normal())]));
  const noise = createRng(seed ^ 0x5eed);
  const embed = (intent: string): number[] => (centroids.get(intent) as number[]).map((x) => x + 0.8 * noise.normal());
  return {
    gold: gold.map((g) => g.text),
    shadow: shadow.map((s) => s.text),
    truth: shadow.map((s) => s.truth),
    embeddings: { reference: gold.map((g) => embed(g.truth)), queries: shadow.map((s) => embed(s.truth)) },
  };
}

/** The gaps (rows by true intent) and each new intent's uncovered requests. */
function gapsOf(p: Planted): { gaps: string[][]; uncovered: Map<string, number>; nUncovered: number } {
  const found = outsideReference(p.gold, p.shadow, DEFAULT_COVERAGE, { queryWeights: p.shadow.map(() => 1), ...(p.embeddings === undefined ? {} : { embeddings: p.embeddings }) });
  if (found === null) throw new Error('no coverage result');
  const uncovered = new Map<string, number>();
  for (const r of found.result.uncovered) uncovered.set(p.truth[r] as string, (uncovered.get(p.truth[r] as string) ?? 0) + 1);
  return { gaps: found.result.clusters.map((c) => c.rows.map((r) => p.truth[r] as string)), uncovered, nUncovered: found.result.uncovered.length };
}

const count = (xs: readonly string[], x: string): number => xs.filter((y) => y === x).length;

describe('coverage gaps represent the uncovered region (simulation)', () => {
  for (const [embeddings, nShadow] of [[false, 1000], [true, 1000], [false, 400], [true, 400]] as const) {
    const name = `${embeddings ? 'embeddings' : 'the lexical default'}, shadow ${nShadow}`;
    it(`with ${name}: a new intent at 5% is one gap holding at least 80% of its uncovered requests in at least 90% of runs`, () => {
      let hits = 0;
      const shares: string[] = [];
      for (let seed = 9000; seed < 9000 + RUNS; seed++) {
        const { gaps, uncovered } = gapsOf(plant(seed, nShadow, 0.05, 1, embeddings));
        const largest = gaps[0] ?? [];
        const held = count(largest, 'intent_20') / (uncovered.get('intent_20') ?? 1);
        shares.push(held.toFixed(2));
        if (held >= 0.8 && count(largest, 'intent_20') >= 0.9 * largest.length) hits++;
      }
      console.log(`one new intent (${name}): largest gap held >= 80% of its uncovered requests, >= 90% pure, in ${hits}/${RUNS} runs; shares ${shares.join(' ')}`);
      expect(hits / RUNS).toBeGreaterThanOrEqual(0.9);
    }, 600_000);
    it(`with ${name}: two new intents at 5% each stay two gaps, the two largest`, () => {
      let hits = 0;
      let mixed = 0;
      const held: number[] = [];
      for (let seed = 9100; seed < 9100 + RUNS; seed++) {
        const { gaps, uncovered } = gapsOf(plant(seed, nShadow, 0.1, 2, embeddings));
        // The gap holding most of each new intent, and whether it is one of the two largest and pure.
        const best = NEW.map((intent) => gaps.reduce((b, g, k) => (count(g, intent) > count(gaps[b] ?? [], intent) ? k : b), 0));
        if (best[0] !== best[1] && best.every((k, j) => k < 2 && count(gaps[k] ?? [], NEW[j] as string) >= 0.9 * (gaps[k]?.length ?? 0))) hits++;
        if (gaps.some((g) => NEW.every((intent) => count(g, intent) > 0.1 * g.length))) mixed++;
        NEW.forEach((intent, j) => held.push(count(gaps[best[j] as number] ?? [], intent) / (uncovered.get(intent) ?? 1)));
      }
      const mean = held.reduce((x, y) => x + y, 0) / held.length;
      console.log(`two new intents (${name}): the two largest gaps, one pure gap per intent, in ${hits}/${RUNS} runs; a gap mixing them in ${mixed}; each intent's gap holds on average ${(100 * mean).toFixed(0)}% of its uncovered requests`);
      expect(hits / RUNS).toBeGreaterThanOrEqual(0.9);
      expect(mixed).toBe(0);
    }, 600_000);
    it(`with ${name}: traffic from gold's distribution leaves no gap beyond a few items`, () => {
      const largest: number[] = [];
      let nUncovered = 0;
      for (let seed = 9200; seed < 9200 + RUNS; seed++) {
        const found = gapsOf(plant(seed, nShadow, 0, 1, embeddings));
        largest.push(found.gaps[0]?.length ?? 0);
        nUncovered += found.nUncovered;
      }
      console.log(`no new intent (${name}): ${(nUncovered / RUNS).toFixed(1)} uncovered requests per run; largest gap per run ${largest.join(' ')}`);
      expect(Math.max(...largest)).toBeLessThanOrEqual(DEFAULT_COVERAGE.min_cluster_size + 3);
    }, 600_000);
  }
});
