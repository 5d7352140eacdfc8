import { ConfigError } from '../errors/touchstone-error.js';
import type { VerifyReport } from '../integrity/verify-report.js';
import type { SkewReport } from '../skew/skew-report.js';
import { checkIntegrity } from './check-integrity.js';
import { checkJudgeBands } from './check-judge-bands.js';
import { checkLabelerImpact } from './check-labeler-impact.js';
import { GuardOptionsSchema, type GuardOptions } from './guard-options.js';
import type { GuardResult } from './guard-result.js';

/** The reports the guard decides on: `verify(store, goldSet)` and `skew(store, { goldSet })` of one gold set. */
export interface GuardReports {
  readonly verify: VerifyReport;
  /** null when skew could not run because the store is not intact (its labels or scale were tampered with). */
  readonly skew: SkewReport | null;
}

/**
 * The guard's decision, pure: fails when the gold set was tampered with (integrity), a flagged
 * labeler reaches an impact limit (labeler_impact), or the judge is not trusted in a band the
 * pipeline relies on (judge_bands; only with `options.calibration`). Every failure says which and why.
 * @throws ConfigError GUARD_BAD_OPTION on invalid options, GUARD_REPORT_MISMATCH when a report is of
 *   another gold set, GUARD_NO_JUDGE / GUARD_UNKNOWN_BAND (see checkJudgeBands)
 * @example decideGuard({ verify, skew }, { goldSet: 'support' }).ok // true when nothing fails
 */
export function decideGuard(reports: GuardReports, options: GuardOptions): GuardResult {
  const parsed = GuardOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError('GUARD_BAD_OPTION', `guard: option ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`, { cause: parsed.error });
  }
  const o = parsed.data;
  for (const [name, set] of [['verify', reports.verify.gold_set], ['skew', reports.skew?.gold_set ?? null]] as const) {
    if (set !== null && set !== o.goldSet) throw new ConfigError('GUARD_REPORT_MISMATCH', `guard: the ${name} report is of gold set "${set}", not "${o.goldSet}"`);
  }
  const outcomes = [
    checkIntegrity(reports.verify, o.expectHead),
    reports.skew === null
      ? { check: { check: 'labeler_impact' as const, status: 'not_run' as const, summary: 'not run: the store is not intact, so labeler impact would be computed on tampered data' }, failures: [] }
      : checkLabelerImpact(reports.skew, o.maxImpact),
    checkJudgeBands(o.calibration, o.requiredBands),
  ];
  const failures = outcomes.flatMap((c) => c.failures);
  return {
    ok: failures.length === 0,
    gold_set: o.goldSet,
    judge: o.calibration?.judge ?? null,
    thresholds: {
      flipped_share: o.maxImpact.flippedShare,
      pass_rate_shift: o.maxImpact.passRateShift,
      required_bands: o.requiredBands ?? null,
      expected_head: o.expectHead ?? null,
    },
    checks: outcomes.map((c) => c.check),
    failures,
  };
}
