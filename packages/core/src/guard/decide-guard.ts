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
  readonly skew: SkewReport;
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
  for (const [name, set] of [['verify', reports.verify.gold_set], ['skew', reports.skew.gold_set]] as const) {
    if (set !== null && set !== o.goldSet) throw new ConfigError('GUARD_REPORT_MISMATCH', `guard: the ${name} report is of gold set "${set}", not "${o.goldSet}"`);
  }
  const outcomes = [
    checkIntegrity(reports.verify, o.expectHead),
    checkLabelerImpact(reports.skew, o.maxImpact),
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
