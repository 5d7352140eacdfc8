import { z } from 'zod';
import { EmbeddingSchema } from './embedding.js';
import { idText } from './id-text.js';
import { isoTimestamp } from './iso-timestamp.js';

/** A canonical production traffic record (FORMATS.md). Metadata values are strings; high cardinality allowed. */
export const TrafficRecordSchema = z.object({
  id: idText(),
  timestamp: isoTimestamp(),
  input: z.string(),
  output: z.string().optional(),
  slice: z.string().optional(),
  judge_score: z.number().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  /** The record's identity in the tool it was imported from (set by importers; kept in provenance). */
  source_ref: z.string().optional(),
  /** A precomputed embedding of the input: coverage uses cosine of embeddings when all texts have one. */
  embedding: EmbeddingSchema.optional(),
});
export type TrafficRecord = z.infer<typeof TrafficRecordSchema>;
