import { z } from 'zod';
import type { ImportItem, Importer } from './import-item.js';
import { isLabelStudioMinRow, readLabelStudioMinRow } from './label-studio-min.js';
import { labelStudioValue } from './label-studio-value.js';
import { sourceFields, isPlainObject } from './source-fields.js';
import { sourceRef } from './source-ref.js';
import { itemTexts } from './text-fields.js';
import { zodReason } from './zod-reason.js';

const Id = z.union([z.number(), z.string()]);
const ResultSchema = z.looseObject({
  from_name: z.string().optional(),
  type: z.string().optional(),
  value: z.record(z.string(), z.unknown()).optional(),
});
type Result = z.infer<typeof ResultSchema>;
const AnnotationSchema = z.looseObject({
  id: Id.optional(),
  // A user id in the JSON export; some exports expand it to the user object.
  completed_by: z.union([Id, z.looseObject({ id: Id.optional(), email: z.string().nullish() })]).nullish(),
  created_at: z.string().nullish(),
  lead_time: z.number().nullish(),
  was_cancelled: z.boolean().nullish(),
  ground_truth: z.boolean().nullish(),
  result: z.array(ResultSchema).nullish(),
});
const PredictionSchema = z.looseObject({
  id: Id.optional(),
  model_version: z.string().nullish(),
  created_at: z.string().nullish(),
  result: z.array(ResultSchema).nullish(),
});
const AnnotationWithPredictionSchema = AnnotationSchema.extend({ prediction: z.union([PredictionSchema, Id]).nullish() });
const TaskSchema = z.looseObject({
  id: Id,
  data: z.record(z.string(), z.unknown()).nullish(),
  annotations: z.array(AnnotationWithPredictionSchema).nullish(),
  // The project export writes each prediction as its id only (HumanSignal/label-studio#9709); the tasks API, whole objects.
  predictions: z.array(z.union([PredictionSchema, Id])).nullish(),
});
type Prediction = z.infer<typeof PredictionSchema>;

/**
 * Label Studio exports: JSON (a list of tasks), JSON-MIN and CSV (one row per annotation, see
 * label-studio-min.ts). In JSON, each annotation result becomes a label (question = the control's
 * `from_name`, labeler = `completed_by`, time = `created_at`; `lead_time` and `ground_truth` are
 * kept in source_ref); cancelled annotations are skipped and counted. Each prediction result
 * becomes a judge score (judge = `model_version`): from `predictions[]` when they are objects, and
 * from the `prediction` an annotation started from (the project export writes `predictions` as
 * bare ids, which are skipped and counted). The item is the task `id`; texts come from `data`.
 */
export const labelStudioImporter: Importer = {
  name: 'label-studio',
  title: 'Label Studio export',
  kinds: ['labels', 'judge'],
  looksLike: (r) => (isPlainObject(r['data']) && (Array.isArray(r['annotations']) || Array.isArray(r['predictions']))) || isLabelStudioMinRow(r),
  read(record): ImportItem[] {
    if (isLabelStudioMinRow(record)) return readLabelStudioMinRow(record);
    if (!('annotations' in record) && !('predictions' in record)) {
      const parseError = 'a task without annotations[] or predictions[], and not a JSON-MIN/CSV row (no annotator, annotation_id): export as "JSON", "JSON-MIN" or "CSV" from Label Studio';
      return [{ kind: 'labels', value: { parseError } }, { kind: 'judge', value: { parseError } }];
    }
    const parsed = TaskSchema.safeParse(record);
    if (!parsed.success) {
      const parseError = zodReason('Label Studio task', parsed.error, record);
      return [{ kind: 'labels', value: { parseError } }, { kind: 'judge', value: { parseError } }];
    }
    const task = parsed.data;
    const data = task.data ?? {};
    const common = { item_id: String(task.id), ...itemTexts(data), ...sourceFields(data, 'src.data') };
    const items: ImportItem[] = [];
    for (const a of task.annotations ?? []) {
      if (a.was_cancelled === true) {
        items.push({ kind: 'labels', skip: 'cancelled annotation' });
        continue;
      }
      const by = isPlainObject(a.completed_by) ? a.completed_by.id : a.completed_by;
      const ref = sourceRef('label-studio', { task: task.id, annotation: a.id, lead_time: a.lead_time, ground_truth: a.ground_truth === true ? 1 : undefined });
      const results = a.result ?? [];
      if (results.length === 0) items.push({ kind: 'labels', skip: 'annotation with no result' });
      for (const [question, result] of byControl(results)) {
        const label = labelStudioValue(result);
        const base = { ...common, ...otherResults(results), ...sourceFields(a, 'src.annotation') };
        items.push({
          kind: 'labels',
          question,
          value: 'reason' in label
            ? { parseError: `task ${task.id}, annotation ${String(a.id)}, "${question}": ${label.reason}` }
            : { ...base, labeler_id: by === undefined || by === null ? undefined : String(by), label: label.value, labeled_at: a.created_at ?? undefined, source_ref: ref },
        });
      }
    }
    const predictions = new Map<string, Prediction>();
    const key = (p: Prediction): string => (p.id === undefined ? `#${predictions.size}` : String(p.id));
    for (const p of task.predictions ?? []) if (typeof p === 'object') predictions.set(key(p), p);
    for (const a of task.annotations ?? []) {
      const p = a.prediction;
      if (typeof p === 'object' && p !== null && (p.result ?? []).length > 0 && !predictions.has(key(p))) predictions.set(key(p), p);
    }
    for (const p of task.predictions ?? []) {
      if (typeof p !== 'object' && !predictions.has(String(p))) {
        items.push({ kind: 'judge', skip: 'prediction exported as its id only (the project export keeps no prediction content; export tasks with predictions through the API or SDK)' });
      }
    }
    for (const p of predictions.values()) {
      const ref = sourceRef('label-studio', { task: task.id, prediction: p.id, model_version: p.model_version });
      for (const [question, result] of byControl(p.result ?? [])) {
        const score = labelStudioValue(result);
        items.push({
          kind: 'judge',
          question,
          ...(p.model_version === undefined || p.model_version === null || p.model_version === '' ? {} : { judge: p.model_version }),
          value: 'reason' in score
            ? { parseError: `task ${task.id}, prediction ${String(p.id)}, "${question}": ${score.reason}` }
            : { ...common, ...sourceFields(p, 'src.prediction'), score: score.value, scored_at: p.created_at ?? undefined, source_ref: ref },
        });
      }
    }
    return items;
  },
};

/** Results grouped by control; a control answered twice in one annotation (per-region results) cannot be one label. */
function byControl(results: readonly Result[]): Map<string, Result | { readonly duplicate: true }> {
  const map = new Map<string, Result | { readonly duplicate: true }>();
  for (const r of results) {
    const name = r.from_name ?? '(unnamed control)';
    map.set(name, map.has(name) ? { duplicate: true } : r);
  }
  return map;
}

/** The annotation's other answers as text, for `--map rationale=src.result.comment`. */
function otherResults(results: readonly Result[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of results) {
    const v = labelStudioValue(r);
    if (r.from_name !== undefined && 'value' in v) out[`src.result.${r.from_name}`] = String(v.value);
  }
  return out;
}
