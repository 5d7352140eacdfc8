import { literal } from '../store/sql.js';

export interface LabelView {
  readonly goldSet: string;
  /** Only labels with seq ≤ maxSeq (a snapshot's view); all when absent. */
  readonly maxSeq?: number;
  /** Labelers whose labels are left out (gold snapshot --exclude-labeler). */
  readonly excludeLabelers?: readonly string[];
  /** Items left out because every one of their labels was made under one of these guideline versions (on this slice only, when set). */
  readonly excludeGuideline?: GuidelineExclusion | null;
}

/** gold snapshot --exclude-guideline V [--slice S]: the items a guideline_shift flag says to relabel. */
export interface GuidelineExclusion {
  readonly versions: readonly string[];
  /** The item's slice as skew assigns it (its most common label slice, ties to the smallest); null: every slice. */
  readonly slice: string | null;
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
  const current = `(SELECT * FROM labels WHERE ${conditions.join(' AND ')}
    QUALIFY row_number() OVER (PARTITION BY item_id, labeler_id ORDER BY seq DESC) = 1)`;
  const g = view.excludeGuideline;
  if (g === undefined || g === null || g.versions.length === 0) return current;
  const inSlice = g.slice === null ? '' : ` AND item_id IN (SELECT item_id FROM (SELECT item_id, slice, count(*) AS n FROM cur GROUP BY item_id, slice
        QUALIFY row_number() OVER (PARTITION BY item_id ORDER BY n DESC, slice ASC NULLS FIRST) = 1) WHERE slice = ${literal(g.slice)})`;
  return `(WITH cur AS ${current}
    SELECT * FROM cur WHERE item_id NOT IN (SELECT item_id FROM cur GROUP BY item_id
      HAVING bool_and(coalesce(guideline_version IN (${g.versions.map(literal).join(', ')}), false))${inSlice}))`;
}
