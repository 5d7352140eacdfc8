import { z } from 'zod';
import type { Store } from '@touchstone/core';
import type { Scale } from '@touchstone/core/schemas';
import { labelerDetailQueries } from './labeler-detail-sql.js';
import { meanInterval } from './mean-interval.js';
import { positionBuckets, type PositionRow } from './position-buckets.js';
import { scoreUnit } from './score-sql.js';

const Ci = z.tuple([z.number(), z.number()]).nullable();

export const LabelerDetailSchema = z.object({
  labeler_id: z.string(),
  /** Unit of every difference below ("label points" or "pass-rate points"). */
  unit: z.string(),
  slices: z.array(z.object({
    slice: z.string().nullable(),
    n_labels: z.number(),
    n_compared: z.number(),
    /** Mean of (own label − mean of co-labelers' labels on the item), positive = lenient; 95% normal interval. */
    mean_diff: z.number().nullable(),
    ci: Ci,
    mean_score: z.number().nullable(),
  })),
  timeline: z.array(z.object({ week: z.string(), n: z.number(), mean_score: z.number().nullable(), mean_diff: z.number().nullable() })),
  fatigue: z.array(z.object({ from: z.number(), to: z.number(), n: z.number(), mean_diff: z.number().nullable(), mean_score: z.number().nullable() })),
  guidelines: z.array(z.object({ guideline_version: z.string().nullable(), n_labels: z.number(), first_used: z.string(), last_used: z.string() })),
  dependent: z.object({
    /** Items whose consensus pass/fail changes (or becomes a tie) without this labeler. */
    flipped: z.number(),
    /** Items only this labeler labeled. */
    sole: z.number(),
    items: z.array(z.object({ item_id: z.string(), slice: z.string().nullable(), n_labels: z.number(), pass_with: z.boolean().nullable(), pass_without: z.boolean().nullable(), sole: z.boolean() })),
  }),
});
export type LabelerDetail = z.infer<typeof LabelerDetailSchema>;

const MAX_DEPENDENT = 200;

/** Everything the labeler drill-in shows, from the store (a few aggregate queries). */
export async function loadLabelerDetail(store: Store, scale: Scale, goldSet: string, labelerId: string): Promise<LabelerDetail> {
  const q = labelerDetailQueries(scale, goldSet, labelerId);
  const slices = await store.all<{ slice: string | null; n_labels: number; n_compared: number; mean_diff: number | null; sd_diff: number | null; mean_score: number | null }>(q.slices);
  const timeline = await store.all(q.timeline);
  const fatigue = await store.all<PositionRow>(q.fatigue);
  const guidelines = await store.all(q.guidelines);
  const dependent = await store.all<{ sole: boolean }>(q.dependent);
  return LabelerDetailSchema.parse({
    labeler_id: labelerId,
    unit: scoreUnit(scale),
    slices: slices.map(({ sd_diff, ...s }) => ({ ...s, ci: s.mean_diff === null ? null : meanInterval(s.mean_diff, sd_diff, s.n_compared) })),
    timeline,
    fatigue: positionBuckets(fatigue),
    guidelines,
    dependent: { flipped: dependent.filter((d) => !d.sole).length, sole: dependent.filter((d) => d.sole).length, items: dependent.slice(0, MAX_DEPENDENT) },
  });
}
