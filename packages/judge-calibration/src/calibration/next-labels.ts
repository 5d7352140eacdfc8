import { createRng, shuffleInPlace } from '@touchstone/core/stats';
import { z } from 'zod';
import type { CalibrationReport } from './calibration-report.js';
import { bandOf } from './scale-rules.js';

export const NextLabelsSchema = z.object({
  /** Items to send to humans next, in the order to send them. */
  suggestions: z.array(z.object({ item_id: z.string(), judge_score: z.number(), band: z.string(), reason: z.string() })),
  /** The bands labels were drawn for, weakest first. */
  target_bands: z.array(z.object({ band: z.string(), verdict: z.string(), n: z.number().int(), extra_labels_needed: z.number().int().nullable(), candidates: z.number().int(), suggested: z.number().int() })),
});
export type NextLabels = z.infer<typeof NextLabelsSchema>;

export interface Candidate {
  readonly item_id: string;
  /** The judge's score on this not-yet-labeled item. */
  readonly judge: number;
}

/**
 * Which unlabeled items to label next to tighten the weakest judge-score bands. The target bands are
 * those still `insufficient` (or, when every band is decided, the two with the widest intervals).
 * Candidates in those bands are ordered by judge score and taken alternately from the highest and
 * the lowest end — EvalGen's alternation between top- and bottom-scored outputs (Shankar et al.
 * 2024, "Who Validates the Validators?", UIST) — so both tails get human labels; a band stops
 * receiving once it has the labels its interval needs. Ties in score are broken at random (seeded).
 */
export function nextLabels(report: CalibrationReport, candidates: readonly Candidate[], options: { limit?: number; seed?: number } = {}): NextLabels {
  const limit = options.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`nextLabels: limit must be a non-negative integer, got ${limit}`);
  const insufficient = report.bands.map((b, i) => ({ b, i })).filter((x) => x.b.verdict === 'insufficient');
  const width = (i: number): number => {
    const ci = report.bands[i]?.ci;
    return ci === null || ci === undefined ? 1 : ci[1] - ci[0];
  };
  const targets =
    insufficient.length > 0
      ? insufficient.sort((x, y) => (y.b.extra_labels_needed ?? Infinity) - (x.b.extra_labels_needed ?? Infinity) || width(y.i) - width(x.i))
      : report.bands.map((b, i) => ({ b, i })).sort((x, y) => width(y.i) - width(x.i)).slice(0, 2);
  const wanted = new Map(targets.map((t) => [t.i, t.b.verdict === 'insufficient' && t.b.extra_labels_needed !== null ? t.b.extra_labels_needed : Infinity]));
  const pool = shuffleInPlace(
    candidates.map((c) => ({ c, band: bandOf(report.edges, c.judge) })).filter((x) => wanted.has(x.band)),
    createRng(options.seed ?? 1),
  ).sort((x, y) => x.c.judge - y.c.judge);
  const taken = new Map<number, number>();
  const suggestions: NextLabels['suggestions'] = [];
  let lo = 0;
  let hi = pool.length - 1;
  let fromTop = true;
  while (suggestions.length < limit && lo <= hi) {
    const x = pool[fromTop ? hi-- : lo++] as (typeof pool)[number];
    fromTop = !fromTop;
    const count = taken.get(x.band) ?? 0;
    if (count >= (wanted.get(x.band) as number)) continue;
    taken.set(x.band, count + 1);
    const band = report.bands[x.band];
    const need = band?.extra_labels_needed;
    suggestions.push({
      item_id: x.c.item_id,
      judge_score: x.c.judge,
      band: band?.band ?? '',
      reason: band?.verdict === 'insufficient' ? `band ${band.band} is insufficient (n=${band.n}${need === null || need === undefined ? '' : `, ~${need} more labels needed`})` : `band ${band?.band ?? ''} has the widest interval`,
    });
  }
  return {
    suggestions,
    target_bands: targets.map((t) => ({
      band: t.b.band,
      verdict: t.b.verdict,
      n: t.b.n,
      extra_labels_needed: t.b.extra_labels_needed,
      candidates: pool.filter((x) => x.band === t.i).length,
      suggested: taken.get(t.i) ?? 0,
    })),
  };
}
