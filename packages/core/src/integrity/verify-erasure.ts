import type { Store } from '../store/store.js';
import type { BatchRow } from './batch-row.js';
import { ERASED_TEXT, ErasureDetailSchema } from './erasure-detail.js';
import type { TamperFinding } from './verify-report.js';

/** Traffic rows erased by chained `erase` events: seq → the row hash recorded at erasure and its batch. */
export function erasedRows(batches: readonly BatchRow[]): Map<number, { row_hash: string; batch_id: number }> {
  const out = new Map<number, { row_hash: string; batch_id: number }>();
  for (const b of batches) {
    if (b.kind !== 'erase' || b.detail === null) continue;
    const detail = ErasureDetailSchema.safeParse(JSON.parse(b.detail));
    if (!detail.success) continue; // covered by the batch hash
    for (const t of detail.data.traffic) out.set(t.seq, { row_hash: t.row_hash, batch_id: b.batch_id });
  }
  return out;
}

/**
 * An erased traffic row verifies when it still carries the row hash its erasure recorded and its
 * text columns hold only the erasure marker; anything else reads as tampering.
 */
export async function erasureFindings(store: Store, erased: ReadonlyMap<number, { row_hash: string; batch_id: number }>): Promise<{ findings: TamperFinding[]; verified: number }> {
  if (erased.size === 0) return { findings: [], verified: 0 };
  const rows = await store.all<{ seq: number; id: string; row_hash: string; ok_text: boolean }>(
    `SELECT seq, id, row_hash, input = '${ERASED_TEXT}' AND coalesce(output, '${ERASED_TEXT}') = '${ERASED_TEXT}' AND metadata IS NULL AS ok_text
     FROM traffic WHERE seq IN (${[...erased.keys()].join(', ')})`,
  );
  const findings: TamperFinding[] = [];
  let verified = 0;
  for (const r of rows) {
    const e = erased.get(r.seq);
    if (e === undefined) continue;
    const problem = r.row_hash !== e.row_hash ? 'its row hash differs from the one its erasure recorded' : !r.ok_text ? 'its erased text columns hold text again' : undefined;
    if (problem === undefined) verified++;
    else findings.push({ kind: 'edited', table: 'traffic', batch_id: e.batch_id, seq: r.seq, gold_set: null, item_id: r.id, labeler_id: null, message: `traffic record #${r.seq} (item ${r.id}), erased by batch ${e.batch_id}, was edited: ${problem}` });
  }
  return { findings, verified };
}
