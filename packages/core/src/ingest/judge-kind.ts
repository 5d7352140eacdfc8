import { DOUBLE, VARCHAR } from '@duckdb/node-api';
import { JudgeScoreRecordSchema } from '../schemas/judge-score-record.js';
import { convertScore } from '../scale/convert-score.js';
import type { Scale } from '../schemas/scale.js';
import { literal } from '../store/sql.js';
import { JUDGE_FIELDS, judgeNativeStageSql } from './native/judge-native-sql.js';
import { stageNative } from './native/stage-native.js';
import type { RecordKind, StageResult } from './record-kind.js';
import { normalizeTimestamp } from './timestamp.js';
import { firstIssue } from './zod-detail.js';

const COLUMNS = ['item_id', 'judge', 'score_value', 'score_text', 'scored_at', 'rationale', 'source_ref'] as const;

/**
 * Judge scores on gold items, all attributed to the judge named on the command line (--judge).
 * With the gold set's numeric or binary scale, a score calibration could not read (judge calibrate's
 * own rule: scale/convert-score.ts) is rejected here, naming its line, instead of stopping calibration
 * later. On a nominal scale a numeric score is a judge's confidence, which skew uses to adjust for
 * item difficulty, so any score is kept there.
 */
export function judgeKind(goldSet: string | null, judge: string, scale?: Scale): RecordKind {
  return {
    kind: 'judge',
    table: 'judge_scores',
    fields: Object.keys(JudgeScoreRecordSchema.shape),
    numericFields: ['score'],
    stageColumns: COLUMNS.map((name) => ({ name, type: name === 'score_value' ? DOUBLE : VARCHAR })),
    dedupeColumns: ['item_id', 'judge', 'score_value', 'score_text', 'scored_at'],
    storedDuplicateSql: `EXISTS (SELECT 1 FROM judge_scores j WHERE j.item_id = s.item_id AND j.judge = s.judge
      AND j.gold_set IS NOT DISTINCT FROM ${goldSet === null ? 'NULL' : literal(goldSet)}
      AND j.score_value IS NOT DISTINCT FROM s.score_value AND j.score_text IS NOT DISTINCT FROM s.score_text
      AND j.scored_at IS NOT DISTINCT FROM s.scored_at::TIMESTAMPTZ)`,
    insertSelectSql: `${goldSet === null ? 'NULL' : literal(goldSet)} AS gold_set, s.item_id, s.judge, s.score_value, s.score_text,
      s.scored_at::TIMESTAMPTZ AS scored_at, s.rationale, s.source_ref`,
    // With a gold set's scale every score is checked by convertScore in JS, so that ingest takes the zod path.
    nativeStage: (store, args) =>
      Object.keys(args.supplied).length > 0 || scale !== undefined
        ? Promise.resolve(undefined)
        : stageNative(store, {
            ...args,
            columns: JUDGE_FIELDS.map((f) => args.map[f] ?? f),
            build: (source, table) => judgeNativeStageSql(source, args.map, judge, table),
          }),
    stage(record): StageResult {
      const input = { ...record, judge, scored_at: normalizeTimestamp(record['scored_at']) };
      const parsed = JudgeScoreRecordSchema.safeParse(input);
      if (!parsed.success) return { reject: firstIssue(parsed.error, input) };
      const r = parsed.data;
      const value = typeof r.score === 'number' ? r.score : typeof r.score === 'boolean' ? Number(r.score) : null;
      const text = typeof r.score === 'string' ? r.score : null;
      if (scale !== undefined && scale.kind !== 'nominal') {
        const fit = convertScore(scale, value, text);
        if ('reason' in fit) return { reject: { field: 'score', reason: `${fit.reason} of gold set "${goldSet ?? ''}"` } };
      }
      return { row: [r.item_id, r.judge, value, text, r.scored_at ?? null, r.rationale ?? null, r.source_ref ?? null] };
    },
  };
}
