import { z } from 'zod';
import { EmbeddingSchema, MetadataSchema } from './embedding.js';
import { idText } from './id-text.js';
import { isoTimestamp } from './iso-timestamp.js';

const optionalText = z.string().optional();

/** A canonical label record: one annotation of one gold item by one labeler (FORMATS.md). */
export const LabelRecordSchema = z.object({
  item_id: idText(),
  labeler_id: idText(),
  label: z.union([z.number(), z.boolean(), z.string().min(1)]),
  labeled_at: isoTimestamp(),
  slice: optionalText,
  guideline_version: optionalText,
  session_id: optionalText,
  input: optionalText,
  output: optionalText,
  reference: optionalText,
  rationale: optionalText,
  /** The record's identity in the tool it was imported from (set by importers; kept in provenance). */
  source_ref: optionalText,
  /** The item's metadata (intent, model, locale …) as production traffic carries it; compared with traffic's. */
  metadata: MetadataSchema.optional(),
  /** Id of the production request the item was sampled from: its stored metadata is inherited. */
  trace_id: optionalText,
  /** A precomputed embedding of the item's input: coverage uses cosine of embeddings when all texts have one. */
  embedding: EmbeddingSchema.optional(),
});
export type LabelRecord = z.infer<typeof LabelRecordSchema>;
