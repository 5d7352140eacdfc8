import type { Scale } from '../schemas/scale.js';
import { passThreshold } from '../scale/pass-threshold.js';
import { literal } from '../store/sql.js';
import { labelsAsOfSql, type LabelView } from './labels-as-of-sql.js';

/**
 * Per-item human consensus of a gold set, as SQL returning
 * (item_id, slice, n_labels, consensus_value, consensus_text, pass).
 * - binary: majority (mean of 0/1 labels; a tie is NULL — no consensus);
 * - ordinal/interval: median (an even count can give a half point, e.g. 3.5);
 * - nominal: mode (ties broken by the category's order on the scale).
 * `pass` follows the gold set's pass rule (scale/pass-threshold.ts).
 */
export function consensusSql(scale: Scale, view: LabelView): string {
  const labels = labelsAsOfSql(view);
  const slice = `mode(slice) AS slice`;
  switch (scale.kind) {
    case 'binary':
      return `SELECT item_id, ${slice}, count(*) AS n_labels,
          CASE WHEN avg(label_value) > 0.5 THEN 1.0 WHEN avg(label_value) < 0.5 THEN 0.0 ELSE NULL END AS consensus_value,
          NULL::VARCHAR AS consensus_text,
          CASE WHEN avg(label_value) > 0.5 THEN true WHEN avg(label_value) < 0.5 THEN false ELSE NULL END AS pass
        FROM ${labels} GROUP BY item_id`;
    case 'ordinal':
    case 'interval':
      return `SELECT item_id, ${slice}, count(*) AS n_labels, median(label_value) AS consensus_value,
          NULL::VARCHAR AS consensus_text, median(label_value) >= ${passThreshold(scale)} AS pass
        FROM ${labels} GROUP BY item_id`;
    case 'nominal': {
      const order = scale.categories.map((c, i) => `WHEN ${literal(c)} THEN ${i}`).join(' ');
      const passing = (scale.pass_categories ?? scale.categories.slice(0, 1)).map(literal).join(', ');
      return `WITH l AS ${labels},
        per_item AS (SELECT item_id, mode(slice) AS slice, count(*) AS n_labels FROM l GROUP BY item_id),
        top AS (SELECT item_id, label_text FROM (SELECT item_id, label_text, count(*) AS n FROM l GROUP BY item_id, label_text)
                QUALIFY row_number() OVER (PARTITION BY item_id ORDER BY n DESC, CASE label_text ${order} ELSE 1000000 END) = 1)
        SELECT p.item_id, p.slice, p.n_labels, NULL::DOUBLE AS consensus_value, t.label_text AS consensus_text,
               t.label_text IN (${passing}) AS pass
        FROM per_item p JOIN top t USING (item_id)`;
    }
  }
}
