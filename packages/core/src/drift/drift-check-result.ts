import { z } from 'zod';
import { ShadowSetSchema } from '../shadow/shadow-set.js';
import { DriftReportSchema } from './drift-report.js';
import { DriftRunSchema } from './drift-runs.js';

/** What one drift-check run returns (`drift-check --json`): the report, the run id, the shadow set, the trend. */
export const DriftCheckResultSchema = DriftReportSchema.extend({
  run_id: z.number(),
  shadow_set: ShadowSetSchema.omit({ strata: true }),
  /** This gold set's latest runs, newest first (this one included): the trend across runs. */
  history: z.array(DriftRunSchema),
});
export type DriftCheckResult = z.infer<typeof DriftCheckResultSchema>;
