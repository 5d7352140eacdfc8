// Zod schemas of every record and report: `import { … } from '@touchstone/core/schemas'`.
export { JudgeScoreRecordSchema, type JudgeScoreRecord } from './schemas/judge-score-record.js';
export { LabelRecordSchema, type LabelRecord } from './schemas/label-record.js';
export { ScaleSchema, type Scale, type ScaleKind } from './schemas/scale.js';
export { TrafficRecordSchema, type TrafficRecord } from './schemas/traffic-record.js';
export { IngestSummarySchema, IngestWarningSchema, type IngestSummary, type IngestWarning } from './ingest/ingest-summary.js';
export { ProvenanceReportSchema, type ProvenanceReport } from './provenance/provenance-report.js';
export { VerifyReportSchema, TamperFindingSchema, type VerifyReport, type TamperFinding } from './integrity/verify-report.js';
export { SnapshotSchema, type Snapshot } from './gold/snapshot.js';
export { GoldDiffSchema, type GoldDiff } from './gold/gold-diff.js';
export { GoldSetSchema, type GoldSet } from './gold/gold-set.js';

// eval differential
export { RunRecordSchema, type RunRecord } from './eval-diff/run-record.js';
export { EvalRunSchema, RunItemSchema, RunMetricSchema, EvalRunSummarySchema, type EvalRun, type RunItem, type RunMetric, type EvalRunSummary } from './eval-diff/eval-run.js';
export { DiffReportSchema, SliceDiffSchema, GoldCheckSchema, VerdictSchema, type DiffReport, type SliceDiff, type GoldCheck, type Verdict } from './eval-diff/diff-report.js';
export { DiffOptionsSchema, type DiffOptions, type DiffOptionsInput } from './eval-diff/diff-options.js';
export { DiffConfigSchema, type DiffConfig } from './eval-diff/diff-config.js';

// importers
export { ImportSummarySchema, ImportNotesSchema, type ImportSummary, type ImportNotes } from './importers/import-summary.js';

// shadow sets, drift and configuration
export { ShadowSetSchema, ShadowParamsSchema, type ShadowSet, type ShadowParams } from './shadow/shadow-set.js';
export { ShadowConfigSchema, type ShadowConfig } from './shadow/shadow-config.js';
export { DriftReportSchema, DriftAlertSchema, type DriftReport, type DriftAlert } from './drift/drift-report.js';
export { DriftCheckResultSchema, type DriftCheckResult } from './drift/drift-check-result.js';
export { DriftRunSchema, type DriftRun } from './drift/drift-runs.js';
export { HumanScaleSchema, StratumEstimatesSchema, ESTIMATOR_ASSUMPTIONS, type HumanScale, type StratumEstimates, type HumanScaleStratum } from './drift/human-scale.js';
export { PassRuleSchema, JudgeScaleSchema, type PassRule, type JudgeScale } from './drift/judge-pass-rule.js';
export { DriftConfigSchema, DriftThresholdsSchema, CoverageConfigSchema, type DriftConfig, type DriftThresholds, type CoverageConfig } from './drift/drift-config.js';
export { TouchstoneConfigSchema, DriftCheckConfigSchema, type TouchstoneConfig, type DriftCheckConfig } from './config/touchstone-config.js';
export { PiiConfigSchema, type PiiConfig } from './pii/redact.js';

// labeler skew
export { SkewReportSchema, SkewFlagSchema, SkewLabelerSchema, ImpactSchema as SkewImpactSchema, LeaveOneOutSchema as SkewLeaveOneOutSchema, type SkewReport, type SkewFlag, type SkewLabeler, type SkewImpact, type SkewLeaveOneOut } from './skew/skew-report.js';
export { SkewOptionsSchema, type SkewOptions, type ResolvedSkewOptions } from './skew/skew-options.js';

// ingest (labels: the summary with the gold set's scale)
export { IngestLabelsSummarySchema, type IngestLabelsSummary } from './ingest/ingest-labels-summary.js';

// guard for eval pipelines
export { GuardOptionsSchema, GuardCalibrationSchema, ImpactThresholdsSchema, type GuardOptions, type ResolvedGuardOptions, type GuardCalibration } from './guard/guard-options.js';
export { GuardResultSchema, GuardFailureSchema, GuardCheckSchema, GuardCheckNameSchema, IntegrityFailureSchema, LabelerImpactFailureSchema, JudgeBandFailureSchema, type GuardResult, type GuardFailure, type GuardCheck, type GuardCheckName } from './guard/guard-result.js';
