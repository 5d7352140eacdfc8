import { z } from 'zod';

/** Something accepted and stored that a reader should know about, with how many records it concerns. */
export const IngestWarningSchema = z.object({ code: z.string(), count: z.number(), message: z.string() });
export type IngestWarning = z.infer<typeof IngestWarningSchema>;

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
  /** Traffic: PII redactions made before storing, per rule (null when --no-redact-on-ingest). */
  redactions: z.record(z.string(), z.number()).nullable().optional(),
  /** What was stored but deserves a look (scores for items not in the gold set …), each with its count. */
  warnings: z.array(IngestWarningSchema),
});
export type IngestSummary = z.infer<typeof IngestSummarySchema>;
