import { DOUBLE, VARCHAR } from '@duckdb/node-api';
import { LabelRecordSchema } from '../schemas/label-record.js';
import type { Scale } from '../schemas/scale.js';
import { normalizeLabel } from '../scale/normalize-label.js';
import type { RecordKind, StageResult } from './record-kind.js';
import { normalizeTimestamp } from './timestamp.js';
import { firstIssue } from './zod-detail.js';
import { parseEmbedding, stringifyMetadata } from '../schemas/embedding.js';
import { literal } from '../store/sql.js';
import { stageLabelsNative } from './native/stage-labels-native.js';

const COLUMNS = ['item_id', 'labeler_id', 'label_value', 'label_text', 'labeled_at', 'slice', 'guideline_version', 'session_id', 'rationale', 'input', 'output', 'reference', 'source_ref', 'metadata', 'trace_id', 'embedding'] as const;

/**
 * Labels for gold set `goldSet`. With a known scale, each label is checked against it; without one
 * (the gold set's first ingest and no --scale), raw labels are staged and `observed` collects their
 * distinct values so the caller can infer the scale.
 *
 * `suppliedLabeledAt` (`--labeled-at`, for exports without times) is not a fact about a label: a
 * staged label carrying it is a duplicate of a stored label with the same item, labeler and value
 * whatever time that one was stored with, so re-importing the export with another fallback time
 * stores nothing new. (A label whose own time equals the fallback is matched the same way.)
 */
export function labelKind(goldSet: string, scale: Scale | undefined, observed: Set<unknown>, suppliedLabeledAt?: string): RecordKind {
  const supplied = suppliedLabeledAt === undefined ? undefined : normalizeTimestamp(suppliedLabeledAt);
  const fallbackTime = typeof supplied === 'string' ? ` OR s.labeled_at::TIMESTAMPTZ = try_cast(${literal(supplied)} AS TIMESTAMPTZ)` : '';
  return {
    kind: 'labels',
    table: 'labels',
    fields: Object.keys(LabelRecordSchema.shape),
    numericFields: ['label'],
    stageColumns: COLUMNS.map((name) => ({ name, type: name === 'label_value' ? DOUBLE : VARCHAR })),
    dedupeColumns: ['item_id', 'labeler_id', 'label_value', 'label_text', 'labeled_at'],
    storedDuplicateSql: `EXISTS (SELECT 1 FROM labels l WHERE l.gold_set = ${literal(goldSet)} AND l.item_id = s.item_id
      AND l.labeler_id = s.labeler_id AND l.label_value IS NOT DISTINCT FROM s.label_value
      AND l.label_text IS NOT DISTINCT FROM s.label_text AND (l.labeled_at = s.labeled_at::TIMESTAMPTZ${fallbackTime}))`,
    insertSelectSql: `${literal(goldSet)} AS gold_set, s.item_id, s.labeler_id, s.label_value, s.label_text,
      s.labeled_at::TIMESTAMPTZ AS labeled_at, s.slice, s.guideline_version, s.session_id, s.rationale, s.source_ref,
      s.metadata, s.trace_id, s.embedding`,
    nativeStage: (store, args) => (args.format === 'jsonl' ? stageLabelsNative(store, { ...args, scale, observed }) : Promise.resolve(undefined)),
    stage(record): StageResult {
      record['labeled_at'] = normalizeTimestamp(record['labeled_at']);
      if (record['metadata'] !== undefined) record['metadata'] = stringifyMetadata(record['metadata']);
      if (record['embedding'] !== undefined) record['embedding'] = parseEmbedding(record['embedding']);
      const parsed = LabelRecordSchema.safeParse(record);
      if (!parsed.success) return { reject: firstIssue(parsed.error, record) };
      const r = parsed.data;
      let value: number | null;
      let text: string | null;
      if (scale === undefined) {
        if (observed.size < 10_000) observed.add(r.label);
        value = typeof r.label === 'number' ? r.label : typeof r.label === 'boolean' ? Number(r.label) : null;
        text = typeof r.label === 'string' ? r.label : null;
      } else {
        const n = normalizeLabel(scale, r.label);
        if ('reason' in n) return { reject: { field: 'label', reason: n.reason } };
        value = n.value;
        text = n.text;
      }
      return {
        row: [r.item_id, r.labeler_id, value, text, r.labeled_at, r.slice ?? null, r.guideline_version ?? null, r.session_id ?? null,
          r.rationale ?? null, r.input ?? null, r.output ?? null, r.reference ?? null, r.source_ref ?? null,
          r.metadata === undefined ? null : JSON.stringify(r.metadata), r.trace_id ?? null, r.embedding === undefined ? null : JSON.stringify(r.embedding)],
      };
    },
  };
}
