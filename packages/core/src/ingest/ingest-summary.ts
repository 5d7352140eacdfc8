import { z } from 'zod';

/**
 * What every ingest returns and `--json` prints. read = accepted + rejected + skipped (skipped: work an
 * importer counts but does not label, such as cancelled annotations); duplicates are accepted records
 * identical to one already stored or earlier in the file, stored once.
 */
export const IngestSummarySchema = z.object({
  batch_id: z.number(),
  kind: z.enum(['labels', 'traffic', 'judge']),
  gold_set: z.string().nullable(),
  judge: z.string().nullable(),
  file: z.string(),
  sha256: z.string(),
  format: z.string(),
  read: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  duplicates: z.number(),
  inserted: z.number(),
  skipped: z.number(),
  supplied: z.record(z.string(), z.string()),
  quarantine_file: z.string().nullable(),
  staged: z.number(),
  /** True when DuckDB's readers staged the file (every record certainly valid, checked in SQL); false for the zod line-by-line path. */
  fast_path: z.boolean(),
});
export type IngestSummary = z.infer<typeof IngestSummarySchema>;
