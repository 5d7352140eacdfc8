import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { BatchRowSchema } from './batch-row.js';

/** The fields of a batch that its v1 chained hash covers (batches with hash_version NULL; v2 covers every column). */
export const BatchHashInputSchema = BatchRowSchema.pick({
  batch_id: true, kind: true, gold_set: true, judge: true, source_file: true, source_sha256: true, format: true,
  importer_version: true, actor: true, started_at: true, n_read: true, n_accepted: true, n_rejected: true,
  n_duplicates: true, n_inserted: true, first_seq: true, last_seq: true, merkle_root: true, prev_hash: true,
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
