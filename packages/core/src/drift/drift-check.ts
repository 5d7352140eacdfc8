import { buildShadowSet, type BuildShadowOptions } from '../shadow/build-shadow-set.js';
import type { Store } from '../store/store.js';
import type { DriftConfig } from './drift-config.js';
import type { DriftCheckResult } from './drift-check-result.js';
import { appendDriftRun, listDriftRuns } from './drift-runs.js';
import { driftReport } from './drift.js';
import { requireGoldSet } from '../gold/gold-set.js';
import type { HumanScaleCorrector } from './human-scale.js';
import { resolvePassRule } from './judge-pass-rule.js';

export interface DriftCheckOptions extends Omit<BuildShadowOptions, 'passThreshold'> {
  readonly drift?: DriftConfig;
  /** --pass-threshold: overrides the config's and the gold set's pass rule. */
  readonly passThresholdFlag?: number;
  readonly corrector?: HumanScaleCorrector;
}

/**
 * One cron run: a fresh shadow set for the window ending at `now`, its disagreement report, and
 * the run appended to `drift_runs`. Everything happens on one store handle; the caller holds the
 * write lock (a second concurrent run cannot open the store).
 */
export async function runDriftCheck(store: Store, options: DriftCheckOptions): Promise<DriftCheckResult> {
  const startedAt = new Date().toISOString();
  // The shadow set records (and Neyman-allocates by) the same pass rule the report applies.
  const gold = await requireGoldSet(store, options.goldSet);
  const rule = resolvePassRule(gold.scale, { flag: options.passThresholdFlag, config: options.drift?.pass_threshold, judgeScale: options.drift?.judge_scale });
  const shadow = await buildShadowSet(store, { ...options, passThreshold: rule.threshold });
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
