import { ZodError } from 'zod';
import { listDriftRuns, listShadowSets, TouchstoneError, type Store } from '@touchstone/core';
import { DriftReportSchema, SkewReportSchema } from '@touchstone/core/schemas';
import { JudgeCalibrationResultSchema } from '@touchstone/judge-calibration';
import type { ComputeRequest, ComputeRunner } from '../compute/compute-request.js';
import { available, unavailable, type Capability } from './capability.js';
import { goldJudgesSql, latestDriftReportSql } from './drift-sql.js';
import type { DriftPanel, JudgePanel, SkewPanel } from './panels.js';

type Base = Omit<ComputeRequest, 'task'>;

// The audit never reads a drift report's `thresholds`; drift writes NaN (null once stored as JSON) there when it
// could not test coverage, which must not hide the rest of the report. Parsing without the field drops it.
const DriftPanelReportSchema = DriftReportSchema.omit({ thresholds: true });

/** `touchstone skew`'s report, computed off the render loop; a library refusal (too few labels …) becomes "not available". */
export async function loadSkewPanel(compute: ComputeRunner, base: Base): Promise<Capability<SkewPanel>> {
  const command = `touchstone skew --gold ${base.goldSet}`;
  return refusalAsUnavailable(command, async () => available(SkewReportSchema.parse(await compute({ ...base, task: 'skew' }))));
}

/** The most recently imported judge's calibration against the gold set. */
export async function loadJudgePanel(store: Store, compute: ComputeRunner, base: Base): Promise<Capability<JudgePanel>> {
  const judges = (await store.all<{ judge: string }>(goldJudgesSql(base.goldSet))).map((r) => r.judge);
  const judge = judges[0];
  if (judge === undefined) return unavailable('no judge scores on this gold set yet', `touchstone ingest judge FILE --judge NAME --gold ${base.goldSet}, then touchstone judge calibrate --gold ${base.goldSet} --judge NAME`);
  const command = `touchstone judge calibrate --gold ${base.goldSet} --judge ${judge}`;
  return refusalAsUnavailable(command, async () => {
    const calibration = JudgeCalibrationResultSchema.parse(await compute({ ...base, task: 'judge', judge }));
    return available({ judge, judges, calibration });
  });
}

/** The drift-check history and the newest run's report; without runs, the newest shadow set's report computed now. */
export async function loadDriftPanel(store: Store, compute: ComputeRunner, base: Base): Promise<Capability<DriftPanel>> {
  const command = `touchstone drift-check --gold ${base.goldSet}`;
  const runs = await listDriftRuns(store, base.goldSet, 60);
  const latest = (await store.all<{ run_id: number; report: string }>(latestDriftReportSql(base.goldSet)))[0];
  const stored = latest === undefined ? undefined : DriftPanelReportSchema.safeParse(JSON.parse(latest.report));
  if (latest !== undefined && stored?.success === true) return available({ runs, report: stored.data, origin: `drift-check run #${latest.run_id}` });
  // No run yet, or the newest run was stored by an older Touchstone in another report shape: compute the newest shadow set's report now.
  const why = latest === undefined ? 'no drift-check runs yet' : `run #${latest.run_id} is stored in an older report format`;
  const shadows = await listShadowSets(store, base.goldSet);
  if (shadows.length === 0) return unavailable('no shadow set or drift-check run for this gold set yet', command);
  return refusalAsUnavailable(command, async () => {
    const report = DriftPanelReportSchema.parse(await compute({ ...base, task: 'drift' }));
    return available({ runs, report, origin: `shadow set ${report.shadow_id}, computed now (${why})` });
  });
}

async function refusalAsUnavailable<T>(command: string, work: () => Promise<Capability<T>>): Promise<Capability<T>> {
  try {
    return await work();
  } catch (error) {
    // A usage, config or data refusal is the library saying the data cannot answer yet; store errors and bugs stay errors.
    if (error instanceof TouchstoneError && error.category !== 'store') return unavailable(error.message, command);
    // A result that does not match the library's own schema (a version mismatch, a NaN): say so, keep the other panels.
    if (error instanceof ZodError) {
      const issue = error.issues[0];
      return unavailable(`the result does not match its schema at ${issue?.path.join('.') ?? '?'} (${issue?.message ?? 'invalid'}); ${error.issues.length} problem(s)`, command);
    }
    throw error;
  }
}
