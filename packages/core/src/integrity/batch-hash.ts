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
});
export type BatchHashInput = z.infer<typeof BatchHashInputSchema>;

export const GENESIS_HASH = '0'.repeat(64);

/** hash = SHA-256(canonical JSON of the batch's fields, including the previous batch's hash). */
export function batchHash(b: BatchHashInput): string {
  const canonical = JSON.stringify([
    b.prev_hash, b.batch_id, b.kind, b.gold_set, b.judge, b.source_file, b.source_sha256, b.format,
    b.importer_version, b.actor, b.started_at, b.n_read, b.n_accepted, b.n_rejected, b.n_duplicates,
    b.n_inserted, b.first_seq, b.last_seq, b.merkle_root,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
