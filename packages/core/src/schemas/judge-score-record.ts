import { z } from 'zod';
import { idText } from './id-text.js';
import { isoTimestamp } from './iso-timestamp.js';

/** A canonical judge score: one judge's verdict on one gold item (FORMATS.md). */
export const JudgeScoreRecordSchema = z.object({
  item_id: idText(),
  judge: idText(),
  score: z.union([z.number(), z.boolean(), z.string().min(1)]),
  scored_at: isoTimestamp().optional(),
  rationale: z.string().optional(),
  /** The record's identity in the tool it was imported from (set by importers; kept in provenance). */
  source_ref: z.string().optional(),
});
export type JudgeScoreRecord = z.infer<typeof JudgeScoreRecordSchema>;
