import type { JudgeCalibrationResult } from '@touchstone/judge-calibration';
import type { DriftReport, DriftRun, SkewReport } from '@touchstone/core/schemas';

/** The Skew panels read `touchstone skew`'s report as it is. */
export type SkewPanel = SkewReport;

/** The Drift screen: the drift-check history (newest first) and the report it shows in detail. */
export interface DriftPanel {
  readonly runs: readonly DriftRun[];
  /** The report without its `thresholds` (not shown; see load-panels.ts). */
  readonly report: Omit<DriftReport, 'thresholds'>;
  /** Where the report comes from: the latest drift-check run, or the newest shadow set computed now. */
  readonly origin: string;
}

/** The Judge screen: one judge's calibration against the gold set (the most recently imported judge). */
export interface JudgePanel {
  readonly judge: string;
  /** Every judge with scores on this gold set, most recent first. */
  readonly judges: readonly string[];
  readonly calibration: JudgeCalibrationResult;
}
