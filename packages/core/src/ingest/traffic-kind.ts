import { DOUBLE, VARCHAR } from '@duckdb/node-api';
import type { Redactor } from '../pii/redact.js';
import { TrafficRecordSchema } from '../schemas/traffic-record.js';
import { redactStaged } from './native/redact-staged.js';
import { stageNative } from './native/stage-native.js';
import { TRAFFIC_FIELDS, trafficNativeStageSql } from './native/traffic-native-sql.js';
import type { RecordKind, StageResult } from './record-kind.js';
import { normalizeTimestamp } from './timestamp.js';
import { trafficConflictSql } from './traffic-conflict-sql.js';
import { firstIssue } from './zod-detail.js';
import { parseEmbedding, stringifyMetadata } from '../schemas/embedding.js';

const COLUMNS = ['id', 'ts', 'input', 'output', 'slice', 'judge_score', 'metadata', 'source_ref', 'embedding'] as const;

/**
 * Production traffic records. Metadata is stored as a JSON object of strings. With a `redactor`,
 * input, output and metadata values are redacted at staging (hits counted into `hits`); the DuckDB
 * fast path redacts the rows a SQL prefilter picks (native/redact-staged.ts), and is not used
 * with custom rules, which the prefilter cannot cover.
 */
export function trafficKind(redactor?: Redactor, hits: Record<string, number> = {}): RecordKind {
  const red = (text: string): string => {
    if (redactor === undefined) return text;
    const r = redactor.redact(text);
    for (const [k, n] of Object.entries(r.hits)) hits[k] = (hits[k] ?? 0) + n;
    return r.text;
  };
  return {
    kind: 'traffic',
    table: 'traffic',
    fields: Object.keys(TrafficRecordSchema.shape),
    numericFields: ['judge_score'],
    stageColumns: COLUMNS.map((name) => ({ name, type: name === 'judge_score' ? DOUBLE : VARCHAR })),
    dedupeColumns: ['id', 'ts', 'input'],
    storedDuplicateSql: `EXISTS (SELECT 1 FROM traffic t WHERE t.id = s.id AND t.ts = s.ts::TIMESTAMPTZ AND t.input = s.input)`,
    conflictSql: trafficConflictSql,
    idColumn: 'id',
    insertSelectSql: `s.id, s.ts::TIMESTAMPTZ AS ts, s.input, s.output, s.slice, s.judge_score, s.metadata, s.source_ref, s.embedding`,
    nativeStage: (store, args) =>
      Object.keys(args.supplied).length > 0 || (redactor !== undefined && !redactor.builtinOnly)
        ? Promise.resolve(undefined)
        : stageNative(store, {
            ...args,
            columns: TRAFFIC_FIELDS.map((f) => args.map[f] ?? f),
            build: (source, table) => trafficNativeStageSql(source, args.map, table),
            ...(redactor === undefined ? {} : { afterValid: (read: string) => redactStaged(store, read, red) }),
          }),
    stage(record): StageResult {
      const input = {
        ...record,
        metadata: stringifyMetadata(record['metadata']),
        timestamp: normalizeTimestamp(record['timestamp']),
        ...(record['embedding'] === undefined ? {} : { embedding: parseEmbedding(record['embedding']) }),
      };
      const parsed = TrafficRecordSchema.safeParse(input);
      if (!parsed.success) return { reject: firstIssue(parsed.error, input) };
      const r = parsed.data;
      const storedMetadata = r.metadata === undefined ? null : JSON.stringify(redactor === undefined ? r.metadata : Object.fromEntries(Object.entries(r.metadata).map(([k, v]) => [k, red(v)])));
      return {
        row: [r.id, r.timestamp, red(r.input), r.output === undefined ? null : red(r.output), r.slice ?? null, r.judge_score ?? null, storedMetadata, r.source_ref ?? null,
          r.embedding === undefined ? null : JSON.stringify(r.embedding)],
      };
    },
  };
}
