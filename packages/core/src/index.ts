// @touchstone/core — the full library (store included). Pure statistics: '@touchstone/core/stats'.

// errors
export { TouchstoneError, UsageError, ConfigError, DataError, StoreError, formatDetail, type ErrorCategory, type ErrorDetail } from './errors/touchstone-error.js';
export { EXIT, exitCodeFor, type ExitCode } from './errors/exit-codes.js';

// store
export { Store, type OpenStoreOptions, type Row } from './store/store.js';
export { openStore } from './store/open-store.js';
export { sql, ident, literal, type Sql, type SqlParam } from './store/sql.js';

// scales
export { parseScaleSpec } from './scale/parse-scale-spec.js';
export { normalizeLabel } from './scale/normalize-label.js';
export { inferScale } from './scale/infer-scale.js';
export { passes, passThreshold } from './scale/pass-threshold.js';
export { convertScore, type Converted } from './scale/convert-score.js';

// ingest
export { ingestLabels, type IngestLabelsOptions } from './ingest/ingest-labels.js';
export { ingestTraffic } from './ingest/ingest-traffic.js';
export { ingestJudge, type IngestJudgeOptions } from './ingest/ingest-judge.js';
export { runIngest, type IngestOptions, type IngestTarget } from './ingest/run-ingest.js';
export { parseFieldMap, applyFieldMap, type FieldMap } from './ingest/field-map.js';
export { detectFormat, INPUT_FORMATS, type InputFormat } from './ingest/detect-format.js';
export type { SourceRecord } from './ingest/source-record.js';

// gold sets
export { findGoldSet, requireGoldSet, listGoldSets } from './gold/gold-set.js';
export { createSnapshot, findSnapshot, requireSnapshot, listSnapshots, type SnapshotOptions } from './gold/snapshot.js';
export { goldDiff } from './gold/gold-diff.js';
export { consensusSql } from './gold/consensus-sql.js';
export { labelsAsOfSql, type LabelView } from './gold/labels-as-of-sql.js';

// provenance and integrity
export { provenance } from './provenance/provenance.js';
export { verify } from './integrity/verify.js';
export { erase, type EraseOptions, type EraseResult } from './erase/erase.js';
export type { EraseSelector } from './erase/erase-sql.js';
export { compactStore } from './store/compact-store.js';

// traffic sources (the store, or ClickHouse through '@touchstone/core/clickhouse')
export { storeTrafficSource } from './traffic-source/store-traffic-source.js';
export type { TrafficSource, StratumCount, WindowSliceCount, MetadataValueCount, MetadataCountsRequest, GoldMetadataValue, GoldMetadataValueCount } from './traffic-source/traffic-source.js';

// configuration (touchstone.config.json)
export { loadConfig, parseConfig, CONFIG_FILE, type LoadedConfig } from './config/load-config.js';

// eval differential (release gate)
export { readRunFile, type ReadRunOptions } from './eval-diff/read-run-file.js';
export { recordRun, listRuns, findRun, requireRun, type RecordRunOptions } from './eval-diff/run-store.js';
export { recordRunFile, type RecordRunFileOptions } from './eval-diff/record-run-file.js';
export { openRun, type OpenRunOptions } from './eval-diff/open-run.js';
export { pairRuns, type ItemPair, type PairedRuns } from './eval-diff/pair-runs.js';
export { diffRuns, noGoldCheck } from './eval-diff/diff-runs.js';
export { evalDiff, type EvalDiffOptions } from './eval-diff/eval-diff.js';
export { sliceTolerances } from './eval-diff/diff-config.js';
export { NO_SLICE, OVERALL } from './eval-diff/diff-report.js';

// importers for annotation and tracing tools' exports (ingest --format label-studio|prodigy|argilla|langfuse|langsmith|otel-genai)
export { IMPORTER_NAMES, isImporterName, type ImporterName } from './importers/importer-names.js';
export { IMPORTERS } from './importers/registry.js';
export { prepareImport, type PrepareImportOptions, type PreparedImport } from './importers/prepare-import.js';
export { importNotes } from './importers/import-summary.js';
export { readLabelerMap, type LabelerMap } from './importers/labeler-map.js';
export type { Importer, ImportItem, ImportKind, ImportRecord, ImportSkip } from './importers/import-item.js';

// shadow sets, drift and the drift-check cron job
export { buildShadowSet, windowFor, SHADOW_DEFAULTS, type BuildShadowOptions } from './shadow/build-shadow-set.js';
export { findShadowSet, requireShadowSet, listShadowSets } from './shadow/shadow-set.js';
export { allocate, type Stratum } from './shadow/allocation.js';
export { driftReport, type DriftOptions } from './drift/drift.js';
export { analyzeDrift, type DriftInputs, type AnalyzeOptions } from './drift/analyze-drift.js';
export { runDriftCheck, type DriftCheckOptions } from './drift/drift-check.js';
export { appendDriftRun, listDriftRuns } from './drift/drift-runs.js';
export { postWebhook, type WebhookResult } from './drift/post-webhook.js';
export { DEFAULT_THRESHOLDS, DEFAULT_COVERAGE } from './drift/drift-config.js';
export { resolvePassRule, judgePasses } from './drift/judge-pass-rule.js';
export type { HumanScaleCorrector } from './drift/human-scale.js';
export { humanScaleStrata } from './drift/human-scale-strata.js';
export { parseDuration } from './config/duration.js';
export { createRedactor, type Redactor } from './pii/redact.js';
export { luhnValid } from './pii/luhn.js';
export { BUILTIN_PII_RULES, type BuiltinPiiRule } from './pii/pii-rules.js';
export { normalizeText } from './text/normalize-text.js';
export { nearDuplicates, type NearDuplicateOptions } from './text/near-duplicates.js';
export { tfidfVectors, type SparseRows } from './text/tfidf.js';
export { invertedIndex, nearestNeighbours, type Nearest } from './text/nearest-neighbour.js';
export { singleLinkageClusters, type Cluster } from './text/single-linkage.js';

// labeler skew (agreement, leniency, drift, fatigue, impact)
export { skew } from './skew/skew.js';
export { analyzeSkew } from './skew/analyze-skew.js';
export { loadSkewData } from './skew/load-skew-data.js';
export { skewDataFromRecords, type SkewLabelRecord } from './skew/skew-data-from-records.js';
export { skewSql, judgeScoresSql } from './skew/skew-sql.js';
export type { SkewData } from './skew/skew-data.js';

// guard for eval pipelines (tampered gold, high-impact flagged labelers, untrusted judge bands)
export { guard, assertGoldHealthy } from './guard/guard.js';
export { decideGuard, type GuardReports } from './guard/decide-guard.js';
export { checkIntegrity, type CheckOutcome } from './guard/check-integrity.js';
export { checkLabelerImpact, impactReached, type ImpactThresholds } from './guard/check-labeler-impact.js';
export { checkJudgeBands } from './guard/check-judge-bands.js';
export { GuardError, assertGuardOk } from './guard/guard-error.js';

// schemas (also at '@touchstone/core/schemas')
export * as schemas from './schemas.js';
