import type { Store } from '../store/store.js';
import type { TamperFinding } from './verify-report.js';

const DERIVED = ['traffic_id', 'ts', 'slice', 'judge_score', 'batch_id'] as const;
const SOURCE: Record<(typeof DERIVED)[number], string> = { traffic_id: 'id', ts: 'ts', slice: 'slice', judge_score: 'judge_score', batch_id: 'batch_id' };

/**
 * Shadow-set items copy their request's id, time, slice, judge score and batch from the traffic row
 * they were drawn from (`traffic_seq`), which is row-hashed: an item that no longer matches its row
 * is named with the columns that differ. (The sealed digest catches every column; this names the row.)
 */
export function shadowItemMismatchSql(): string {
  const checks = DERIVED.map((c) => `CASE WHEN s.${c} IS DISTINCT FROM t.${SOURCE[c]} THEN '${c}' END`);
  return `SELECT s.shadow_id, s.item_id, s.traffic_seq, ss.gold_set,
      CASE WHEN t.seq IS NULL THEN ['traffic_seq'] ELSE list_filter([${checks.join(', ')}], x -> x IS NOT NULL) END AS columns
    FROM shadow_items s LEFT JOIN traffic t ON t.seq = s.traffic_seq LEFT JOIN shadow_sets ss USING (shadow_id)
    WHERE t.seq IS NULL OR ${DERIVED.map((c) => `s.${c} IS DISTINCT FROM t.${SOURCE[c]}`).join(' OR ')}
    ORDER BY s.shadow_id, s.item_id`;
}

export async function shadowItemFindings(store: Store): Promise<TamperFinding[]> {
  const rows = await store.all<{ shadow_id: string; item_id: string; traffic_seq: number; gold_set: string | null; columns: string[] }>(shadowItemMismatchSql());
  return rows.map((r) => ({
    kind: 'edited', table: 'shadow_items', batch_id: null, seq: r.traffic_seq, gold_set: r.gold_set, item_id: r.item_id, labeler_id: null,
    message: `shadow_items: item ${r.item_id} of shadow set "${r.shadow_id}" no longer matches traffic record #${r.traffic_seq} it was drawn from: ${r.columns.join(', ')}`,
  }));
}
