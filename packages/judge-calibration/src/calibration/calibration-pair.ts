import { z } from 'zod';

/**
 * One judge score next to the human score of the same item: the human consensus (default), or one
 * human label when calibrating with `pairs: 'all'`. Nominal scales carry category indices.
 * `judge_pass`/`human_pass` override the scale's pass rule when the caller knows better.
 */
export const CalibrationPairSchema = z.object({
  item_id: z.string().min(1),
  judge: z.number().finite(),
  human: z.number().finite(),
  judge_pass: z.boolean().optional(),
  human_pass: z.boolean().optional(),
  /** Set with pairs: 'all' — whose label this is. */
  labeler_id: z.string().optional(),
});
export type CalibrationPair = z.infer<typeof CalibrationPairSchema>;
