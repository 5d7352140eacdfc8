import { z } from 'zod';
import { DurationSchema } from '../config/duration.js';

/** The `shadow` section of touchstone.config.json: how shadow sets are drawn (flags override it). */
export const ShadowConfigSchema = z
  .object({
    /** How far back from `now` the traffic window reaches (default 7d). */
    window: DurationSchema.optional(),
    /** Items to sample (default 500). */
    size: z.number().int().positive().optional(),
    /** `slice` (default) or `metadata.KEY`. */
    stratify_by: z.string().regex(/^(slice|metadata\.[A-Za-z0-9_.-]+)$/, 'must be "slice" or "metadata.KEY"').optional(),
    seed: z.union([z.number().int(), z.string().min(1)]).optional(),
    /** Proportional (default) or Neyman allocation across strata. */
    allocation: z.enum(['proportional', 'neyman']).optional(),
    /** Character 3-gram Jaccard similarity at which two sampled requests are near-duplicates (default 0.8). */
    dedupe_threshold: z.number().gt(0).max(1).optional(),
  })
  .strict();
export type ShadowConfig = z.infer<typeof ShadowConfigSchema>;
