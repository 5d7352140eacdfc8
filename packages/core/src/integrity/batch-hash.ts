import { createHash } from 'node:crypto';
import { z } from 'zod';

/** The fields of a batch that its chained hash covers. */
export const BatchHashInputSchema = z.object({
  batch_id: z.number(),
  kind: z.string(),
  gold_set: z.string().nullable(),
  judge: z.string().nullable(),
  source_file: z.string(),
  source_sha256: z.string(),
  format: z.string(),
  importer_version: z.string(),
  actor: z.string(),
  started_at: z.string(),
  n_read: z.number(),
  n_accepted: z.number(),
  n_rejected: z.number(),
  n_duplicates: z.number(),
  n_inserted: z.number(),
  first_seq: z.number().nullable(),
  last_seq: z.number().nullable(),
  merkle_root: z.string(),
  prev_hash: z.string(),
  /** Read but not imported (cancelled, ignored, other questions …); n_read = n_accepted + n_rejected + n_skipped. */
  n_skipped: z.number().nullish().transform((v) => v ?? 0),
  /** JSON object of skip reasons → counts, or null. */
  skipped_reasons: z.string().nullish().transform((v) => v ?? null),
  /** JSON object of the labeler aliases this ingest resolved (alias → canonical id), or null. */
  labeler_map: z.string().nullish().transform((v) => v ?? null),
});
export type BatchHashInput = z.input<typeof BatchHashInputSchema>;

export const GENESIS_HASH = '0'.repeat(64);

/**
 * hash = SHA-256(canonical JSON of the batch's fields, including the previous batch's hash). The
 * fields added for issue 14 (n_skipped, skipped_reasons, labeler_map) join the canonical list only
 * when set, so batches written before them keep their hashes; setting or clearing one still changes it.
 */
export function batchHash(b: BatchHashInput): string {
  const skipped = b.n_skipped ?? 0;
  const reasons = b.skipped_reasons ?? null;
  const aliases = b.labeler_map ?? null;
  const extra = skipped === 0 && reasons === null && aliases === null ? [] : [{ n_skipped: skipped, skipped_reasons: reasons, labeler_map: aliases }];
  const canonical = JSON.stringify([
    b.prev_hash, b.batch_id, b.kind, b.gold_set, b.judge, b.source_file, b.source_sha256, b.format,
    b.importer_version, b.actor, b.started_at, b.n_read, b.n_accepted, b.n_rejected, b.n_duplicates,
    b.n_inserted, b.first_seq, b.last_seq, b.merkle_root, ...extra,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
