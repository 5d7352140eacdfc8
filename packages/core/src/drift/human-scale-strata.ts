import type { HumanScaleStratum } from './human-scale.js';
import { judgePasses, type PassRule } from './judge-pass-rule.js';

interface GoldRow { readonly slice: string | null; readonly pass: boolean | null; readonly judge_score: number | null }
interface ShadowRow { readonly slice: string | null; readonly judge_score: number | null; readonly weight?: number }

/**
 * The data for human-scale estimates: the gold pairs (human pass, judge pass and score) and the
 * traffic verdicts, pooled and per slice. Strata are the slices of traffic in the window, weighted by
 * their share of window requests (known exactly, not estimated); stratifying needs every request to
 * carry a slice that gold has pairs for — otherwise only the pooled stratum is used, and a note says why.
 */
export function humanScaleStrata(
  gold: readonly GoldRow[],
  shadow: readonly ShadowRow[],
  windowSlices: ReadonlyMap<string, number>,
  windowNoSlice: number,
  rule: PassRule,
): { strata: HumanScaleStratum[]; pooled: HumanScaleStratum; notes: string[] } {
  const pairs = gold.filter((g) => g.pass !== null && g.judge_score !== null);
  const scored = shadow.filter((s) => s.judge_score !== null);
  const stratum = (slice: string | null, share: number): HumanScaleStratum => {
    const g = slice === null ? pairs : pairs.filter((x) => x.slice === slice);
    const s = slice === null ? scored : scored.filter((x) => x.slice === slice);
    return {
      slice,
      share,
      labels: g.map((x) => (x.pass === true ? 1 : 0)),
      predictions: g.map((x) => (judgePasses(rule, x.judge_score) === true ? 1 : 0)),
      goldScores: g.map((x) => x.judge_score as number),
      unlabeledPredictions: s.map((x) => (judgePasses(rule, x.judge_score) === true ? 1 : 0)),
      unlabeledScores: s.map((x) => x.judge_score as number),
      unlabeledWeights: s.map((x) => x.weight ?? 1),
    };
  };
  const notes: string[] = [];
  const total = [...windowSlices.values()].reduce((a, b) => a + b, 0);
  const goldSlices = new Set(pairs.map((p) => p.slice).filter((x): x is string => x !== null));
  const uncalibrated = [...windowSlices.keys()].filter((s) => !goldSlices.has(s)).sort();
  let strata: HumanScaleStratum[] = [];
  if (total === 0) notes.push('human-scale pass rate: traffic carries no slice, so the correction is pooled over all slices');
  else if (windowNoSlice > 0) notes.push(`human-scale pass rate: ${windowNoSlice} requests in the window have no slice, so the correction is pooled over all slices`);
  else if (uncalibrated.length > 0) {
    const share = uncalibrated.reduce((a, s) => a + (windowSlices.get(s) ?? 0), 0) / total;
    notes.push(`human-scale pass rate: traffic slices with no judged gold item to calibrate on (${uncalibrated.join(', ')}; ${(100 * share).toFixed(1)}% of the window), so the correction is pooled over all slices`);
  } else strata = [...windowSlices.keys()].sort().map((s) => stratum(s, (windowSlices.get(s) ?? 0) / total));
  return { strata, pooled: stratum(null, 1), notes };
}
