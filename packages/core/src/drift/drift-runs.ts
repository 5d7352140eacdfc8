import { z } from 'zod';
import { appendChainEvent } from '../integrity/chain-event.js';
import type { Store } from '../store/store.js';
import type { DriftReport } from './drift-report.js';

export const DriftRunSchema = z.object({
  run_id: z.number(),
  gold_set: z.string(),
  shadow_id: z.string(),
  started_at: z.string(),
  finished_at: z.string(),
  window_start: z.string(),
  window_end: z.string(),
  status: z.enum(['ok', 'alert']),
  n_alerts: z.number(),
  pass_rate_gold: z.number().nullable(),
  pass_rate_shadow: z.number().nullable(),
  pass_rate_diff: z.number().nullable(),
  uncovered_share: z.number().nullable(),
});
export type DriftRun = z.infer<typeof DriftRunSchema>;

/** Appends one drift-check run (its summary columns and the full report) to the history; returns its id. */
export async function appendDriftRun(store: Store, report: DriftReport, startedAt: string, actor: string): Promise<number> {
  return store.transaction(async () => {
    const next = await store.all<{ id: number }>(`SELECT coalesce(max(run_id), 0) + 1 AS id FROM drift_runs`);
    const id = next[0]?.id ?? 1;
    await store.run({
      sql: `INSERT INTO drift_runs VALUES ($1, $2, $3, $4::TIMESTAMPTZ, now(), $5, $6::TIMESTAMPTZ, $7::TIMESTAMPTZ, $8, $9, $10, $11, $12, $13, $14)`,
      params: [
        id, report.gold_set, report.shadow_id, startedAt, actor, report.window.start, report.window.end, report.status, report.alerts.length,
        report.pass_rate.gold, report.pass_rate.shadow, report.pass_rate.diff, report.coverage?.uncovered_share ?? null, JSON.stringify(report),
      ],
    });
    await appendChainEvent(store, {
      kind: 'drift_run', goldSet: report.gold_set, subject: `drift run ${id} (${report.shadow_id})`, actor, rows: 1,
      startedAt: new Date(startedAt).toISOString(), covers: [{ table: 'drift_runs', owner: String(id) }],
    });
    return id;
  });
}

/** The newest runs of a gold set, newest first. */
export async function listDriftRuns(store: Store, goldSet: string, limit = 10): Promise<DriftRun[]> {
  const rows = await store.all({
    sql: `SELECT run_id, gold_set, shadow_id, started_at, finished_at, window_start, window_end, status, n_alerts,
        pass_rate_gold, pass_rate_shadow, pass_rate_diff, uncovered_share
      FROM drift_runs WHERE gold_set = $1 ORDER BY run_id DESC LIMIT $2`,
    params: [goldSet, limit],
  });
  return rows.map((r) => DriftRunSchema.parse(r));
}
