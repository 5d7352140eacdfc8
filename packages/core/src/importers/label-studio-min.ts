import type { ImportItem } from './import-item.js';
import { labelStudioValue } from './label-studio-value.js';
import { isPlainObject, sourceFields } from './source-fields.js';
import { sourceRef } from './source-ref.js';
import { itemTexts } from './text-fields.js';

/** Columns the Label Studio converter adds to each JSON-MIN / CSV row; the rest are task data and answers. */
const ANNOTATION_COLUMNS = ['id', 'annotator', 'annotation_id', 'created_at', 'updated_at', 'lead_time', 'agreement', 'history'];

/** A JSON-MIN or CSV row: one annotation flattened with its task's data (label-studio-sdk converter, `prepare_annotation`). */
export function isLabelStudioMinRow(r: Record<string, unknown>): boolean {
  return 'annotator' in r && 'annotation_id' in r && 'id' in r && !('annotations' in r) && !('item_id' in r);
}

/**
 * One JSON-MIN / CSV row: the converter writes the task's data fields and one column per control
 * (a single choice or text as itself, anything else as the result value list, in CSV as JSON text)
 * side by side, with nothing to tell them apart. So every column that is not a text field and not
 * one the converter adds is offered as a question, and `--question` names the control. Labeler =
 * `annotator` (the user's email when the export expanded it, else the numeric id: a `--labeler-map`
 * makes the two one person), time = `created_at`, item = the task `id`.
 */
export function readLabelStudioMinRow(r: Record<string, unknown>): ImportItem[] {
  const data = Object.fromEntries(Object.entries(r).filter(([k]) => !ANNOTATION_COLUMNS.includes(k)));
  const texts = itemTexts(data);
  const textKeys = Object.entries(data).filter(([, v]) => Object.values(texts).includes(v as string)).map(([k]) => k);
  const annotator = r['annotator'];
  const base = {
    item_id: r['id'] === undefined || r['id'] === null ? undefined : String(r['id']),
    labeler_id: annotator === undefined || annotator === null || annotator === '' ? undefined : String(annotator),
    labeled_at: typeof r['created_at'] === 'string' && r['created_at'] !== '' ? r['created_at'] : undefined,
    ...texts,
    ...sourceFields(data, 'src.data'),
    source_ref: sourceRef('label-studio', { task: str(r['id']), annotation: str(r['annotation_id']), lead_time: str(r['lead_time']) }),
  };
  const items: ImportItem[] = [];
  for (const [question, raw] of Object.entries(data)) {
    if (textKeys.includes(question) || raw === undefined || raw === null || raw === '') continue;
    const value = minValue(raw);
    items.push({
      kind: 'labels',
      question,
      value: 'reason' in value ? { parseError: `task ${String(r['id'])}, annotation ${String(r['annotation_id'])}, "${question}": ${value.reason}` } : { ...base, label: value.value },
    });
  }
  return items;
}

/** A prettified answer: a choice or text as is; a rating/number as `[{"rating": 4}]` (JSON text in CSV); several choices as `{"choices": […]}`. */
function minValue(raw: unknown): { value: string | number } | { reason: string } {
  let v = raw;
  if (typeof v === 'string' && /^\s*[[{]/.test(v)) {
    try {
      v = JSON.parse(v) as unknown;
    } catch {
      return { value: raw as string };
    }
  }
  if (typeof v === 'string' || typeof v === 'number') return v === '' ? { reason: 'missing value' } : { value: v };
  const list = Array.isArray(v) ? v : [v];
  if (list.length !== 1 || !isPlainObject(list[0])) return { reason: `${list.length} results for one control (per-region results are not one label)` };
  const result = list[0];
  const type = ['choices', 'rating', 'number', 'text', 'selected'].find((k) => k in result);
  return labelStudioValue({ type: type === 'text' ? 'textarea' : type === 'selected' ? 'pairwise' : type, value: result });
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}
