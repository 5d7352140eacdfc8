import { z } from 'zod';
import { ScaleSchema } from '../schemas/scale.js';
import { IngestSummarySchema } from './ingest-summary.js';

/** What `ingestLabels` returns (and `ingest labels --json` prints): the batch summary and the gold set's scale. */
export const IngestLabelsSummarySchema = IngestSummarySchema.extend({
  /** Null when the batch accepted no label and the gold set did not exist: it is not created and no scale is fixed. */
  scale: ScaleSchema.nullable(),
  /** True when the gold set's scale was inferred from its first labels rather than given. */
  scale_inferred: z.boolean(),
});
export type IngestLabelsSummary = z.infer<typeof IngestLabelsSummarySchema>;
