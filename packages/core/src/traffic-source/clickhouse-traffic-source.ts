import type { CandidateRow } from '../shadow/shadow-item.js';
import { clickhouseColumns, type ClickHouseSourceConfig } from './clickhouse-config.js';
import { chCandidatesSql, chMetadataCountsSql, chSpanSql, chStrataSql, chWindowSlicesSql, chWindowVsGoldMetadataSql } from './clickhouse-sql.js';
import type { TrafficSource } from './traffic-source.js';

/** Runs one ClickHouse query and returns its rows as JSON objects (the client's JSONEachRow). */
export type ClickHouseExecutor = (sql: string) => Promise<Record<string, unknown>[]>;

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const iso = (ms: unknown): string | null => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * Traffic read from a ClickHouse table: every query is an aggregate or a per-stratum head of the
 * seeded order, so only counts and the sample cross the network. Candidate rows carry no store
 * sequence or batch (seq 0, batch 0): their origin is `description` and the shadow set's params.
 */
export function clickhouseTrafficSource(config: Pick<ClickHouseSourceConfig, 'columns' | 'metadata_format' | 'database' | 'table' | 'where' | 'url'>, run: ClickHouseExecutor): TrafficSource {
  const c = clickhouseColumns(config);
  return {
    kind: 'clickhouse',
    description: `clickhouse:${config.database}.${config.table}`,
    strata: async (window, stratifyBy, passThreshold) =>
      (await run(chStrataSql(c, window, stratifyBy, passThreshold))).map((r) => ({ stratum: String(r['stratum']), n: num(r['n']), n_scored: num(r['n_scored']), n_pass: num(r['n_pass']) })),
    candidates: async (window, stratifyBy, seed, limits) =>
      (await run(chCandidatesSql(c, window, stratifyBy, seed, limits))).map(
        (r): CandidateRow => ({
          seq: 0,
          id: String(r['id']),
          ts: iso(r['ts_ms']) ?? '',
          input: String(r['input']),
          output: strOrNull(r['output']),
          slice: strOrNull(r['slice']),
          judge_score: numOrNull(r['judge_score']),
          metadata: strOrNull(r['metadata']),
          batch_id: 0,
          embedding: null,
          stratum: String(r['stratum']),
          rank: num(r['rank']),
          input_chars: num(r['input_chars']),
          output_chars: numOrNull(r['output_chars']),
        }),
      ),
    windowSlices: async (window) =>
      (await run(chWindowSlicesSql(c, window))).map((r) => ({ slice: strOrNull(r['slice']), n_window: num(r['n_window']), last_before: iso(r['last_before_ms']) })),
    metadataCounts: async (request) =>
      request.keys.length === 0
        ? []
        : (await run(chMetadataCountsSql(c, request))).map((r) => ({
            key: String(r['key']),
            value: String(r['value']),
            baseline: num(r['baseline']),
            window: num(r['window']),
            unseen: r['unseen'] === true || r['unseen'] === 1 || r['unseen'] === '1',
            win_unseen: num(r['win_unseen']),
            last_unseen: num(r['last_unseen']),
            last_total: num(r['last_total']),
            rank: num(r['rank']),
          })),
    windowVsGoldMetadata: async (gold, window, topK) =>
      gold.length === 0
        ? []
        : (await run(chWindowVsGoldMetadataSql(c, gold, window, topK))).map((r) => ({
            key: String(r['key']),
            value: String(r['value']),
            window: num(r['window']),
            not_in_a: num(r['not_in_a']),
            not_in_gold: num(r['not_in_gold']),
            unseen: r['unseen'] === true || r['unseen'] === 1 || r['unseen'] === '1',
            rank: num(r['rank']),
          })),
    span: async () => {
      const r = (await run(chSpanSql(c)))[0] ?? {};
      const n = num(r['n'] ?? 0);
      return { lo: n === 0 ? null : iso(r['lo_ms']), hi: n === 0 ? null : iso(r['hi_ms']), n };
    },
  };
}
