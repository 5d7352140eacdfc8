import { labelsAsOfSql, type LabelView } from '../gold/labels-as-of-sql.js';
import type { Scale } from '../schemas/scale.js';
import { literal } from '../store/sql.js';
import { passCategories } from './skew-data.js';

/**
 * The SQL behind `skew`: dense integer indices for items (by item_id), labelers (by labeler_id),
 * slices (by name, NULL first; an item's slice is its most common label slice, ties to the smallest),
 * guideline versions (by first use) and sessions (by labeler, session), so the statistics run on
 * typed arrays. DuckDB does the grouping, ranking and windowing over the labels.
 */
export function skewSql(scale: Scale, view: LabelView): { labels: string; items: string; labelers: string; slices: string; versions: string } {
  const prefix = `WITH l AS ${labelsAsOfSql(view)},
    slice_votes AS (SELECT item_id, slice, count(*) AS n FROM l GROUP BY item_id, slice),
    item_slice AS (SELECT item_id, slice FROM slice_votes
      QUALIFY row_number() OVER (PARTITION BY item_id ORDER BY n DESC, slice ASC NULLS FIRST) = 1),
    items AS (SELECT item_id, slice, (row_number() OVER (ORDER BY item_id) - 1)::INTEGER AS i FROM item_slice),
    slices AS (SELECT slice, (row_number() OVER (ORDER BY slice ASC NULLS FIRST) - 1)::INTEGER AS s FROM (SELECT DISTINCT slice FROM items)),
    labelers AS (SELECT labeler_id, (row_number() OVER (ORDER BY labeler_id) - 1)::INTEGER AS j FROM (SELECT DISTINCT labeler_id FROM l)),
    versions AS (SELECT guideline_version, (row_number() OVER (ORDER BY min(labeled_at), guideline_version) - 1)::INTEGER AS v
      FROM l WHERE guideline_version IS NOT NULL GROUP BY guideline_version),
    sessions AS (SELECT labeler_id, session_id, (row_number() OVER (ORDER BY labeler_id, session_id) - 1)::INTEGER AS sess
      FROM (SELECT DISTINCT labeler_id, session_id FROM l WHERE session_id IS NOT NULL))`;
  const { value, category } = encodeSql(scale);
  return {
    labels: `${prefix}
      SELECT it.i AS item, lb.j AS labeler, ${value} AS value, ${category} AS category,
        epoch_ms(l.labeled_at)::DOUBLE AS t, coalesce(v.v, -1)::INTEGER AS version, coalesce(se.sess, -1)::INTEGER AS session,
        (CASE WHEN l.session_id IS NULL THEN 0
          ELSE row_number() OVER (PARTITION BY l.labeler_id, l.session_id ORDER BY l.labeled_at, l.seq) END)::INTEGER AS position
      FROM l JOIN items it USING (item_id) JOIN labelers lb USING (labeler_id)
        LEFT JOIN versions v USING (guideline_version)
        LEFT JOIN sessions se ON se.labeler_id = l.labeler_id AND se.session_id = l.session_id
      ORDER BY item, labeler`,
    items: `${prefix}
      SELECT it.item_id, sl.s AS slice FROM items it JOIN slices sl ON sl.slice IS NOT DISTINCT FROM it.slice ORDER BY it.i`,
    labelers: `${prefix} SELECT labeler_id FROM labelers ORDER BY j`,
    slices: `${prefix} SELECT slice FROM slices ORDER BY s`,
    versions: `${prefix} SELECT guideline_version FROM versions ORDER BY v`,
  };
}

/**
 * The latest numeric score per item of the judge that scored most of the gold set's items (judge
 * scores filed under this gold set or under none).
 */
export function judgeScoresSql(goldSet: string): string {
  const g = literal(goldSet);
  return `WITH js AS (
      SELECT item_id, judge, score_value FROM judge_scores
      WHERE (gold_set = ${g} OR gold_set IS NULL) AND item_id IN (SELECT item_id FROM labels WHERE gold_set = ${g})
      QUALIFY row_number() OVER (PARTITION BY judge, item_id ORDER BY seq DESC) = 1),
    best AS (SELECT judge FROM js WHERE score_value IS NOT NULL GROUP BY judge ORDER BY count(*) DESC, judge LIMIT 1)
    SELECT item_id, judge, score_value FROM js WHERE judge = (SELECT judge FROM best) AND score_value IS NOT NULL`;
}

function encodeSql(scale: Scale): { value: string; category: string } {
  switch (scale.kind) {
    case 'binary':
      return { value: 'l.label_value', category: 'l.label_value::INTEGER' };
    case 'ordinal':
      return { value: 'l.label_value', category: `(l.label_value - ${Math.trunc(scale.min)})::INTEGER` };
    case 'interval':
      return { value: 'l.label_value', category: '(-1)::INTEGER' };
    case 'nominal': {
      const passing = passCategories(scale).map(literal).join(', ');
      const order = scale.categories.map((c, i) => `WHEN ${literal(c)} THEN ${i}`).join(' ');
      return { value: `(CASE WHEN l.label_text IN (${passing}) THEN 1.0 ELSE 0.0 END)::DOUBLE`, category: `(CASE l.label_text ${order} ELSE -1 END)::INTEGER` };
    }
  }
}
