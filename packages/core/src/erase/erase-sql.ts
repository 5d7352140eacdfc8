import { ERASED_TEXT } from '../integrity/erasure-detail.js';
import { sql, type Sql } from '../store/sql.js';

/** Which traffic rows to erase: by request id, or every row whose input, output or metadata matches an RE2 regex. */
export type EraseSelector = { readonly trafficIds: readonly string[] } | { readonly matching: string };

/** The traffic rows a selector picks (not already erased), with their stored row hashes. */
export function selectErasableSql(s: EraseSelector): Sql {
  const notErased = `input <> '${ERASED_TEXT}'`;
  if ('trafficIds' in s) {
    return sql(`SELECT seq, id, row_hash FROM traffic WHERE id IN (SELECT unnest($1::VARCHAR[])) AND ${notErased} ORDER BY seq`, [JSON.stringify(s.trafficIds)]);
  }
  return sql(
    `SELECT seq, id, row_hash FROM traffic WHERE (regexp_matches(input, $1) OR regexp_matches(coalesce(output, ''), $1)
       OR regexp_matches(coalesce(metadata, ''), $1)) AND ${notErased} ORDER BY seq`,
    [s.matching],
  );
}

const blank = `input = '${ERASED_TEXT}', output = CASE WHEN output IS NULL THEN NULL ELSE '${ERASED_TEXT}' END, metadata = NULL`;

/** Blanks the text of the traffic rows in temp table `seqs` (column seq). */
export const eraseTrafficSql = (seqs: string): string => `UPDATE traffic SET ${blank} WHERE seq IN (SELECT seq FROM ${seqs})`;

/** Shadow-set items drawn from those rows. */
export const derivedShadowItemsSql = (seqs: string): string =>
  `SELECT shadow_id, item_id FROM shadow_items WHERE traffic_seq IN (SELECT seq FROM ${seqs}) ORDER BY shadow_id, item_id`;

/** Blanks the text of the shadow-set items drawn from those rows. */
export const eraseShadowItemsSql = (seqs: string): string => `UPDATE shadow_items SET ${blank} WHERE traffic_seq IN (SELECT seq FROM ${seqs})`;

/** The text of the rows in `seqs` before it is blanked, to find copies of it elsewhere (never stored in the chain). */
export const erasedTextSql = (seqs: string): string => `SELECT input, output, metadata FROM traffic WHERE seq IN (SELECT seq FROM ${seqs})`;

/** Gold items drawn from those rows: a label of the item names the request as its `trace_id`. */
export const derivedGoldItemsSql = (seqs: string): string =>
  `SELECT i.gold_set, i.item_id, i.input, i.output, i.reference FROM items i
    WHERE EXISTS (SELECT 1 FROM labels l WHERE l.gold_set = i.gold_set AND l.item_id = i.item_id
      AND l.trace_id IN (SELECT id FROM traffic WHERE seq IN (SELECT seq FROM ${seqs})))
    ORDER BY i.gold_set, i.item_id`;

export const updateGoldItemSql = (gold: string, item: string, text: { input: string | null; output: string | null; reference: string | null }): Sql =>
  sql(`UPDATE items SET input = $1, output = $2, reference = $3 WHERE gold_set = $4 AND item_id = $5`, [text.input, text.output, text.reference, gold, item]);

/** Every stored drift report (its examples quote shadow-set items). */
export const driftReportsSql = 'SELECT run_id, report FROM drift_runs ORDER BY run_id';

export const updateDriftReportSql = (runId: number, report: string): Sql => sql(`UPDATE drift_runs SET report = $1 WHERE run_id = $2`, [report, runId]);
