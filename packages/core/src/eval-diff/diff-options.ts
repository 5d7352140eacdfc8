import { z } from 'zod';

/**
 * Options of a diff. Tolerances are in display units: points for pass/fail runs (2 = a 2-point drop
 * of the pass rate is tolerated), score units for score runs.
 */
export const DiffOptionsSchema = z.object({
  by: z.enum(['slice', 'none']).default('slice'),
  alpha: z.number().gt(0, 'must be in (0, 0.5]').lte(0.5, 'must be in (0, 0.5]').default(0.05),
  confidence: z.number().gt(0, 'must be in (0, 1)').lt(1, 'must be in (0, 1)').default(0.95),
  tolerance: z.number().min(0, 'must be ≥ 0 (a drop tolerated, in points or score units)').default(0),
  sliceTolerances: z.record(z.string(), z.number().min(0, 'must be ≥ 0')).default({}),
  bootstrapResamples: z.number().int().min(100).default(2000),
  seed: z.number().int().default(20_240_601),
  power: z.number().gt(0).lt(1).default(0.8),
});
export type DiffOptionsInput = z.input<typeof DiffOptionsSchema>;
export type DiffOptions = z.output<typeof DiffOptionsSchema>;
