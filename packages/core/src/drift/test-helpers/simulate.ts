import { createRng, type Rng } from '../../stats/rng.js';
import type { DriftInputs } from '../analyze-drift.js';
import type { MetadataCounts } from '../metadata-drift.js';

/** Syllables from which the simulator makes pseudo-words; each intent owns its own words. */
const SYL = ['ka', 'lo', 'mi', 'ren', 'to', 'vas', 'qui', 'dor', 'pe', 'lan', 'sur', 'bex', 'no', 'tar', 'fi', 'gul', 'om', 'zet', 'ya', 'hup'];

function word(rng: Rng): string {
  const n = 2 + rng.int(2);
  let w = '';
  for (let i = 0; i < n; i++) w += SYL[rng.int(SYL.length)];
  return w;
}

export interface World {
  readonly intents: string[];
  readonly weights: number[];
  readonly vocab: Map<string, string[]>;
  readonly common: string[];
}

/** A world of `k` intents with Zipf-like traffic weights, 12 own words each, and 30 shared words. */
export function makeWorld(k: number, seed: number): World {
  const rng = createRng(seed);
  const intents = Array.from({ length: k + 1 }, (_, i) => `intent_${i}`);
  const vocab = new Map(intents.map((i) => [i, Array.from({ length: 12 }, () => word(rng))]));
  const common = Array.from({ length: 30 }, () => word(rng));
  const raw = Array.from({ length: k }, (_, i) => 1 / (i + 2));
  const sum = raw.reduce((a, b) => a + b, 0);
  return { intents: intents.slice(0, k), weights: raw.map((w) => w / sum), vocab, common: [...common, ...[...vocab.get(intents[k] ?? '') ?? []].slice(0, 0)] };
}

export function utterance(world: World, intent: string, rng: Rng): string {
  const own = world.vocab.get(intent) ?? [];
  const n = 4 + rng.int(5);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(rng.next() < 0.6 ? (own[rng.int(own.length)] as string) : (world.common[rng.int(world.common.length)] as string));
  return words.join(' ');
}

function pick(weights: readonly number[], rng: Rng): number {
  let u = rng.next();
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i] as number;
    if (u < 0) return i;
  }
  return weights.length - 1;
}

export interface Scenario {
  readonly nGold: number;
  readonly nShadow: number;
  readonly nWindow: number;
  readonly goldPass: number;
  readonly shadowPass: number;
  /** Share of traffic from an intent gold has never seen. */
  readonly newIntentShare: number;
  /** Whether those new-intent requests carry their own slice (else no slice: unrouted). */
  readonly newIntentLabeled: boolean;
  /** Index of an intent that gold still has but traffic no longer sends (a sunset workflow); none when absent. */
  readonly sunsetIntent?: number;
  /**
   * The judge's error rates against humans (default perfect): it passes a passing item with probability
   * `tpr` and a failing one with 1 − `tnr`, on gold and on traffic alike. `goldPass`/`shadowPass` are
   * the humans' (true) rates; gold items carry the judge's verdict too, as when its scores on gold are ingested.
   */
  readonly judge?: { readonly tpr: number; readonly tnr: number };
}

export const NO_DRIFT: Scenario = { nGold: 500, nShadow: 500, nWindow: 20_000, goldPass: 0.9, shadowPass: 0.9, newIntentShare: 0, newIntentLabeled: true };

/** One simulated gold set + window + shadow sample, as analyzeDrift's inputs. */
export function simulate(world: World, s: Scenario, seed: number): DriftInputs {
  const rng = createRng(seed);
  // The judge draws from its own stream, so a perfect judge leaves every other draw as it was.
  const judgeRng = createRng((seed ^ 0x5bd1e995) >>> 0);
  const judged = (pass: boolean): boolean => (s.judge === undefined ? pass : judgeRng.next() < (pass ? s.judge.tpr : 1 - s.judge.tnr));
  const newIntent = `intent_${world.intents.length}`;
  const gold = Array.from({ length: s.nGold }, () => {
    const intent = world.intents[pick(world.weights, rng)] as string;
    const input = utterance(world, intent, rng);
    const pass = rng.next() < s.goldPass;
    return { slice: intent, pass, judge_pass: judged(pass), input, input_chars: input.length, output_chars: 80 + rng.int(120) };
  });
  const trafficWeights = s.sunsetIntent === undefined ? world.weights : renormalized(world.weights, s.sunsetIntent);
  const drawTraffic = (): { slice: string | null; isNew: boolean } => {
    if (rng.next() < s.newIntentShare) return { slice: s.newIntentLabeled ? newIntent : null, isNew: true };
    return { slice: world.intents[pick(trafficWeights, rng)] as string, isNew: false };
  };
  const shadow = Array.from({ length: s.nShadow }, () => {
    const t = drawTraffic();
    const input = utterance(world, t.isNew ? newIntent : (t.slice as string), rng);
    return { slice: t.slice, pass: judged(rng.next() < s.shadowPass), weight: s.nWindow / s.nShadow, input, input_chars: input.length, output_chars: 80 + rng.int(120) };
  });
  const windowSlices = new Map<string, number>();
  let noSlice = 0;
  for (let i = 0; i < s.nWindow; i++) {
    const t = drawTraffic();
    if (t.slice === null) noSlice++;
    else windowSlices.set(t.slice, (windowSlices.get(t.slice) ?? 0) + 1);
  }
  return {
    goldSet: 'sim',
    shadowId: `sim-${seed}`,
    window: { start: '2026-01-08T00:00:00.000Z', end: '2026-01-15T00:00:00.000Z' },
    gold,
    shadow,
    windowSlices,
    windowNoSlice: noSlice,
    lastSeen: new Map(),
    metadata: [modelCounts(rng, s.nWindow)],
    passThreshold: 0.5,
  };
}

/** The weights without the one at `drop`, rescaled to sum to 1. */
function renormalized(weights: readonly number[], drop: number): number[] {
  const rest = weights.reduce((a, w, i) => (i === drop ? a : a + w), 0);
  return weights.map((w, i) => (i === drop ? 0 : w / rest));
}

/** A "model" key with three values in a fixed mix, before and in the window (no drift). */
function modelCounts(rng: Rng, nWindow: number): MetadataCounts {
  const mix = [0.6, 0.3, 0.1];
  const draw = (n: number): number[] => {
    const c = [0, 0, 0];
    for (let i = 0; i < n; i++) c[pick(mix, rng)] = (c[pick(mix, rng)] ?? 0) + 0;
    for (let i = 0; i < n; i++) {
      const j = pick(mix, rng);
      c[j] = (c[j] ?? 0) + 1;
    }
    return c;
  };
  const base = draw(3 * nWindow);
  const win = draw(nWindow);
  return {
    key: 'model',
    values: ['m-large', 'm-small', 'm-tiny'].map((value, i) => ({ value, baseline: base[i] ?? 0, window: win[i] ?? 0, unseen: false })),
    windowUnseen: 0,
    windowTotal: nWindow,
    turnoverUnseen: 0,
    turnoverTotal: nWindow,
  };
}
