import { z } from 'zod';
import type { ImportItem, Importer } from './import-item.js';
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
const TaskSchema = z.looseObject({
  id: Id,
  data: z.record(z.string(), z.unknown()).nullish(),
  annotations: z.array(AnnotationSchema).nullish(),
  predictions: z.array(PredictionSchema).nullish(),
});

/**
 * Label Studio JSON export (not JSON-MIN, which drops annotators): a list of tasks. Each
 * annotation result becomes a label (question = the control's `from_name`, labeler =
 * `completed_by`, time = `created_at`; `lead_time` and `ground_truth` are kept in source_ref);
 * cancelled annotations are skipped and counted. Each prediction result becomes a judge score
 * (judge = `model_version`). The item is the task `id`; texts come from `data`.
 */
export const labelStudioImporter: Importer = {
  name: 'label-studio',
  title: 'Label Studio JSON export',
  kinds: ['labels', 'judge'],
  looksLike: (r) => isPlainObject(r['data']) && (Array.isArray(r['annotations']) || Array.isArray(r['predictions'])),
  read(record): ImportItem[] {
    if (!('annotations' in record) && !('predictions' in record)) {
      // JSON-MIN flattens each task to its data and answers, without annotators or times.
      const parseError = 'a task without annotations[] or predictions[]: export as "JSON" from Label Studio (JSON-MIN drops annotators and times)';
      return [{ kind: 'labels', value: { parseError } }, { kind: 'judge', value: { parseError } }];
    }
    const parsed = TaskSchema.safeParse(record);
    if (!parsed.success) {
      const parseError = zodReason('Label Studio task', parsed.error);
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
    for (const p of task.predictions ?? []) {
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
