import { literal } from '../store/sql.js';

export interface LabelView {
  readonly goldSet: string;
  /** Only labels with seq ≤ maxSeq (a snapshot's view); all when absent. */
  readonly maxSeq?: number;
  /** Labelers whose labels are left out (gold snapshot --exclude-labeler). */
  readonly excludeLabelers?: readonly string[];
}

/**
 * SQL for the current labels of a gold set as of a point in its history: the latest label per
 * (item, labeler) among labels with seq ≤ maxSeq, optionally without some labelers. A subquery.
 */
export function labelsAsOfSql(view: LabelView): string {
  const conditions = [`gold_set = ${literal(view.goldSet)}`];
  if (view.maxSeq !== undefined) conditions.push(`seq <= ${Math.floor(view.maxSeq)}`);
  if (view.excludeLabelers !== undefined && view.excludeLabelers.length > 0) {
    conditions.push(`labeler_id NOT IN (${view.excludeLabelers.map(literal).join(', ')})`);
  }
  return `(SELECT * FROM labels WHERE ${conditions.join(' AND ')}
    QUALIFY row_number() OVER (PARTITION BY item_id, labeler_id ORDER BY seq DESC) = 1)`;
}
