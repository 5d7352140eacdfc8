import { DOUBLE, VARCHAR } from '@duckdb/node-api';
import { TrafficRecordSchema } from '../schemas/traffic-record.js';
import { stageNative } from './native/stage-native.js';
import { TRAFFIC_FIELDS, trafficNativeStageSql } from './native/traffic-native-sql.js';
import type { RecordKind, StageResult } from './record-kind.js';
import { normalizeTimestamp } from './timestamp.js';
import { firstIssue } from './zod-detail.js';

const COLUMNS = ['id', 'ts', 'input', 'output', 'slice', 'judge_score', 'metadata', 'source_ref'] as const;

/** Production traffic records. Metadata is stored as a JSON object of strings. */
export function trafficKind(): RecordKind {
  return {
    kind: 'traffic',
    table: 'traffic',
    fields: Object.keys(TrafficRecordSchema.shape),
    numericFields: ['judge_score'],
    stageColumns: COLUMNS.map((name) => ({ name, type: name === 'judge_score' ? DOUBLE : VARCHAR })),
    dedupeColumns: ['id', 'ts', 'input'],
    storedDuplicateSql: `EXISTS (SELECT 1 FROM traffic t WHERE t.id = s.id AND t.ts = s.ts::TIMESTAMPTZ AND t.input = s.input)`,
    insertSelectSql: `s.id, s.ts::TIMESTAMPTZ AS ts, s.input, s.output, s.slice, s.judge_score, s.metadata, s.source_ref`,
    nativeStage: (store, args) =>
      Object.keys(args.supplied).length > 0
        ? Promise.resolve(undefined)
        : stageNative(store, {
            ...args,
            columns: TRAFFIC_FIELDS.map((f) => args.map[f] ?? f),
            build: (source, table) => trafficNativeStageSql(source, args.map, table),
          }),
    stage(record): StageResult {
      const metadata = typeof record['metadata'] === 'string' ? parseJsonObject(record['metadata']) : record['metadata'];
      const parsed = TrafficRecordSchema.safeParse({ ...record, metadata: stringifyValues(metadata), timestamp: normalizeTimestamp(record['timestamp']) });
      if (!parsed.success) return { reject: firstIssue(parsed.error) };
      const r = parsed.data;
      return {
        row: [r.id, r.timestamp, r.input, r.output ?? null, r.slice ?? null, r.judge_score ?? null, r.metadata === undefined ? null : JSON.stringify(r.metadata), r.source_ref ?? null],
      };
    },
  };
}

function parseJsonObject(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Metadata values are strings; numbers and booleans (model versions, flags) are turned into their text. */
function stringifyValues(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
  return out;
}
