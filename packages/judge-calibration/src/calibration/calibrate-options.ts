import { z } from 'zod';
import { ScaleSchema } from '@touchstone/core/schemas';

export const CalibrateOptionsSchema = z.object({
  /** The gold set's scale; fixes default bands, tolerance and the pass rule. */
  scale: ScaleSchema,
  /** Band edges, strictly increasing: bands are [e₀, e₁), …, [e_{k−1}, e_k]. Default: one band per scale point. */
  edges: z.array(z.number().finite()).min(2).optional(),
  /** Agreement tolerance |judge − human| ≤ k. Default 1 on ordinal, 10% of the range on interval, 0 otherwise. */
  tolerance: z.number().finite().min(0).optional(),
  /** Agreement a band must reach to be trusted. */
  target: z.number().gt(0).lt(1).default(0.8),
  confidence: z.number().gt(0).lt(1).default(0.95),
  /** Bootstrap resamples for BCa intervals (bias, MAE, kappa). */
  resamples: z.number().int().min(100).default(2000),
  seed: z.number().int().default(1),
  /** Bands smaller than this are left out of the headline's worst band (unless no band is this large). */
  minBandN: z.number().int().min(1).default(10),
  pairing: z.enum(['consensus', 'all']).default('consensus'),
  gold_set: z.string().nullable().default(null),
  judge: z.string().nullable().default(null),
});
export type CalibrateOptions = z.input<typeof CalibrateOptionsSchema>;
export type ResolvedCalibrateOptions = z.output<typeof CalibrateOptionsSchema>;
