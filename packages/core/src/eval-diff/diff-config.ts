import { z } from 'zod';

const Tolerance = z.number().min(0, 'must be ≥ 0: the drop tolerated, in points of pass rate (score units for score runs)');

/**
 * The `diff` section of touchstone.config.json: the drop `touchstone diff` tolerates before calling a
 * regression, for all slices and per slice (`--tolerance` overrides the default, not the per-slice values).
 * @example { "diff": { "tolerance": 1, "slices": { "billing": { "tolerance": 0 }, "chitchat": { "tolerance": 5 } } } }
 */
export const DiffConfigSchema = z
  .object({
    tolerance: Tolerance.optional(),
    slices: z.record(z.string().min(1), z.object({ tolerance: Tolerance }).strict()).optional(),
  })
  .strict();
export type DiffConfig = z.infer<typeof DiffConfigSchema>;

/** Per-slice tolerances of a config section as the flat map `diffRuns` takes. */
export function sliceTolerances(config: DiffConfig | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(config?.slices ?? {}).map(([slice, s]) => [slice, s.tolerance]));
}
