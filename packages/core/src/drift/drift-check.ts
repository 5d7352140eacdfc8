import { buildShadowSet, type BuildShadowOptions } from '../shadow/build-shadow-set.js';
import type { Store } from '../store/store.js';
import type { DriftConfig } from './drift-config.js';
import type { DriftCheckResult } from './drift-check-result.js';
import { appendDriftRun, listDriftRuns } from './drift-runs.js';
import { driftReport } from './drift.js';
import type { HumanScaleCorrector } from './human-scale.js';

export interface DriftCheckOptions extends BuildShadowOptions {
  readonly drift?: DriftConfig;
  readonly corrector?: HumanScaleCorrector;
}

/**
 * One cron run: a fresh shadow set for the window ending at `now`, its disagreement report, and
 * the run appended to `drift_runs`. Everything happens on one store handle; the caller holds the
 * write lock (a second concurrent run cannot open the store).
 */
export async function runDriftCheck(store: Store, options: DriftCheckOptions): Promise<DriftCheckResult> {
  const startedAt = new Date().toISOString();
  // The shadow set resolves (and Neyman-allocates by) the same pass rule the report applies.
  const shadow = await buildShadowSet(store, options);
  const report = await driftReport(store, {
    goldSet: options.goldSet,
    shadowId: shadow.shadow_id,
    ...(options.drift === undefined ? {} : { config: options.drift }),
    ...(options.corrector === undefined ? {} : { corrector: options.corrector }),
    ...(options.passThresholdFlag === undefined ? {} : { passThresholdFlag: options.passThresholdFlag }),
    ...(options.pii === undefined ? {} : { pii: options.pii }),
    ...(options.source === undefined ? {} : { source: options.source }),
  });
  const runId = await appendDriftRun(store, report, startedAt, options.actor);
  const history = await listDriftRuns(store, options.goldSet, 10);
  const { strata: _strata, ...shadowSummary } = shadow;
  return { ...report, run_id: runId, shadow_set: shadowSummary, history };
}
