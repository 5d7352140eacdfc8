import { literal } from '../../store/sql.js';
import { WHITE_SPACE_CLASS } from '../../schemas/id-text.js';
import type { FieldMap } from '../field-map.js';
import type { NativeSource } from './native-source.js';
import { timestampSql } from './native-timestamp-sql.js';

export const JUDGE_FIELDS = ['item_id', 'score', 'scored_at', 'rationale', 'source_ref'] as const;

/**
 * SQL reading a judge-score file into `table` with judge-kind.ts's staged columns and `_valid`,
 * true only for records the zod path (JudgeScoreRecordSchema, the judge named on the command line)
 * accepts with the same stored values.
 */
export function judgeNativeStageSql(source: NativeSource, map: FieldMap, judge: string, table: string): string {
  const f = (name: (typeof JUDGE_FIELDS)[number]) => source.field(map[name] ?? name, name === 'score');
  const item = f('item_id');
  const score = f('score');
  const at = f('scored_at');
  const ts = timestampSql(at);
  const valid = [
    `${item.isString} AND regexp_matches(${item.text}, '[^${WHITE_SPACE_CLASS}]') AND NOT contains(${item.text}, chr(0))`,
    `(${score.isNumber} AND isfinite(${score.number})) OR ${score.isBool} OR (${score.isString} AND length(${score.text}) > 0)`,
    `NOT ${at.present} OR ${ts.valid}`,
    ...(['rationale', 'source_ref'] as const).map((n) => `NOT ${f(n).present} OR ${f(n).isString}`),
  ].map((c) => `(${c})`).join(' AND ');
  return `CREATE OR REPLACE TEMP TABLE ${table} AS
    SELECT ${item.text} AS item_id, ${literal(judge)} AS judge,
      CASE WHEN ${score.isNumber} THEN ${score.number} WHEN ${score.isBool} THEN ${score.bool}::INTEGER::DOUBLE END AS score_value,
      CASE WHEN ${score.isString} THEN ${score.text} END AS score_text,
      CASE WHEN ${at.present} THEN ${ts.value} END AS scored_at,
      ${(['rationale', 'source_ref'] as const).map((n) => `CASE WHEN ${f(n).present} THEN ${f(n).text} END AS ${n}`).join(', ')},
      coalesce(${valid}, false) AS _valid
    FROM ${source.relation}`;
}
