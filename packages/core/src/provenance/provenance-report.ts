import { z } from 'zod';
import { ScaleSchema } from '../schemas/scale.js';

export const LabelerProvenanceSchema = z.object({
  labeler_id: z.string(),
  n_labels: z.number(),
  n_items: z.number(),
  /** Share of the gold set's items this labeler labeled, in [0, 1]. */
  share: z.number(),
  /** Share of all current labels that are this labeler's, in [0, 1]. */
  label_share: z.number(),
  n_superseded: z.number(),
  first_labeled_at: z.string(),
  last_labeled_at: z.string(),
  guideline_versions: z.array(z.string()),
  slices: z.array(z.string()),
  n_sessions: z.number(),
});

export const BatchProvenanceSchema = z.object({
  batch_id: z.number(),
  kind: z.string(),
  source_file: z.string(),
  source_sha256: z.string(),
  format: z.string(),
  importer_version: z.string(),
  actor: z.string(),
  started_at: z.string(),
  n_read: z.number(),
  n_accepted: z.number(),
  n_rejected: z.number(),
  /** Read but not imported (cancelled or ignored work, other questions); n_read = n_accepted + n_rejected + n_skipped. */
  n_skipped: z.number(),
  n_duplicates: z.number(),
  n_inserted: z.number(),
  supplied: z.record(z.string(), z.string()),
  /** Why records were skipped, by reason. */
  skipped_reasons: z.record(z.string(), z.number()),
  /** Labeler aliases resolved by this batch (alias → canonical id). */
  labeler_map: z.record(z.string(), z.string()),
});

export const ProvenanceReportSchema = z.object({
  gold_set: z.string(),
  scale: ScaleSchema,
  scale_inferred: z.boolean(),
  labelers: z.array(LabelerProvenanceSchema),
  items: z.object({
    total: z.number(),
    single_labeled: z.number(),
    /** Number of items by how many current labels they have: { "10": 800 }. */
    labels_per_item: z.record(z.string(), z.number()),
  }),
  labels: z.object({ current: z.number(), total_rows: z.number(), superseded: z.number() }),
  concentration: z.object({
    largest_labeler: z.string().nullable(),
    /** Largest share of items held by one labeler. */
    largest_share: z.number(),
    /** Herfindahl–Hirschman index over labelers' shares of labels, in [1/k, 1]. */
    herfindahl: z.number(),
  }),
  guidelines: z.object({
    versions: z.array(z.object({ version: z.string(), n_labels: z.number(), first_used: z.string() })),
    latest: z.string().nullable(),
    /** Items none of whose current labels were made under the latest guideline version. */
    items_only_outdated: z.number(),
    example_items_only_outdated: z.array(z.string()),
  }),
  sessions: z.number(),
  slices: z.array(z.object({ slice: z.string().nullable(), n_items: z.number() })),
  batches: z.array(BatchProvenanceSchema),
});
export type ProvenanceReport = z.infer<typeof ProvenanceReportSchema>;
