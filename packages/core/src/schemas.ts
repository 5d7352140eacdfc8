// Zod schemas of every record and report: `import { … } from '@touchstone/core/schemas'`.
export { JudgeScoreRecordSchema, type JudgeScoreRecord } from './schemas/judge-score-record.js';
export { LabelRecordSchema, type LabelRecord } from './schemas/label-record.js';
export { ScaleSchema, type Scale, type ScaleKind } from './schemas/scale.js';
export { TrafficRecordSchema, type TrafficRecord } from './schemas/traffic-record.js';
export { IngestSummarySchema, type IngestSummary } from './ingest/ingest-summary.js';
export { ProvenanceReportSchema, type ProvenanceReport } from './provenance/provenance-report.js';
export { VerifyReportSchema, TamperFindingSchema, type VerifyReport, type TamperFinding } from './integrity/verify-report.js';
export { SnapshotSchema, type Snapshot } from './gold/snapshot.js';
export { GoldDiffSchema, type GoldDiff } from './gold/gold-diff.js';
export { GoldSetSchema, type GoldSet } from './gold/gold-set.js';
