import { z } from 'zod';

/** One item of an eval run, as stored and as paired. */
export const RunItemSchema = z.object({
  item_id: z.string(),
  slice: z.string().nullable(),
  pass: z.boolean().nullable(),
  score: z.number().nullable(),
  /** Line (CSV/JSONL) or record number (Parquet) in the source file. */
  line: z.number(),
});
export type RunItem = z.infer<typeof RunItemSchema>;

/** Which outcome a run (or a diff) compares: pass/fail or a numeric score. */
export const RunMetricSchema = z.enum(['pass', 'score']);
export type RunMetric = z.infer<typeof RunMetricSchema>;

/** An eval run: read from a file, or recorded in the store under a name. */
export const EvalRunSchema = z.object({
  /** The file path as given, or the stored run's name. */
  name: z.string(),
  source: z.enum(['file', 'store']),
  /** Metrics every item carries ('pass' first when both). Never empty. */
  metrics: z.array(RunMetricSchema).min(1),
  gold_set: z.string().nullable(),
  gold_snapshot: z.string().nullable(),
  items: z.array(RunItemSchema),
});
export type EvalRun = z.infer<typeof EvalRunSchema>;

/** What `run list` shows and `run record` returns. */
export const EvalRunSummarySchema = z.object({
  name: z.string(),
  metric: RunMetricSchema,
  gold_set: z.string().nullable(),
  gold_snapshot: z.string().nullable(),
  n_items: z.number(),
  n_slices: z.number(),
  pass_rate: z.number().nullable(),
  mean_score: z.number().nullable(),
  source_file: z.string(),
  source_sha256: z.string(),
  format: z.string(),
  actor: z.string(),
  recorded_at: z.string(),
});
export type EvalRunSummary = z.infer<typeof EvalRunSummarySchema>;

/** The metrics all items of a run carry, pass/fail first. */
export function runMetrics(items: readonly Pick<RunItem, 'pass' | 'score'>[]): RunMetric[] {
  const out: RunMetric[] = [];
  if (items.length > 0 && items.every((i) => i.pass !== null)) out.push('pass');
  if (items.length > 0 && items.every((i) => i.score !== null)) out.push('score');
  return out;
}
