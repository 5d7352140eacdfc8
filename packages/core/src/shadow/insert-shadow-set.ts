import { DOUBLE, DuckDBDataChunk, VARCHAR } from '@duckdb/node-api';
import { appendChainEvent } from '../integrity/chain-event.js';
import type { Store } from '../store/store.js';
import type { ShadowParams } from './shadow-set.js';
import type { TrafficWindow } from './shadow-sql.js';
import type { ShadowItem } from './shadow-item.js';

export interface ShadowSetRecord {
  readonly shadowId: string;
  readonly goldSet: string;
  readonly actor: string;
  readonly window: TrafficWindow;
  readonly params: ShadowParams;
  readonly nWindow: number;
  readonly nCandidates: number;
  readonly nDuplicates: number;
  readonly redactions: Record<string, number>;
  readonly sourceBatches: number[];
  readonly contentHash: string;
  readonly items: readonly ShadowItem[];
}

const ITEM_COLUMNS = ['item_id', 'traffic_seq', 'traffic_id', 'ts', 'stratum', 'weight', 'input', 'output', 'slice', 'judge_score', 'metadata', 'input_chars', 'output_chars', 'batch_id', 'embedding'] as const;
const NUMERIC = new Set(['traffic_seq', 'weight', 'judge_score', 'input_chars', 'output_chars', 'batch_id']);

/** Stores a shadow set and its items in one transaction (items staged through an appender first). */
export async function insertShadowSet(store: Store, r: ShadowSetRecord): Promise<void> {
  const con = store.connection;
  await con.run(`CREATE OR REPLACE TEMP TABLE stage_shadow (${ITEM_COLUMNS.map((c) => `${c} ${NUMERIC.has(c) ? 'DOUBLE' : 'VARCHAR'}`).join(', ')})`);
  try {
    const types = ITEM_COLUMNS.map((c) => (NUMERIC.has(c) ? DOUBLE : VARCHAR));
    const appender = await con.createAppender('stage_shadow', 'main', 'temp');
    for (let from = 0; from < r.items.length; from += 2048) {
      const part = r.items.slice(from, from + 2048);
      const chunk = DuckDBDataChunk.create(types, part.length);
      chunk.setColumns(ITEM_COLUMNS.map((c) => part.map((item) => item[c])));
      appender.appendDataChunk(chunk);
    }
    appender.closeSync();
    await store.transaction(async () => {
      const v = await store.all<{ v: number }>({ sql: `SELECT coalesce(max(version), 0) + 1 AS v FROM shadow_sets WHERE gold_set = $1`, params: [r.goldSet] });
      await store.run({
        sql: `INSERT INTO shadow_sets VALUES ($1, $2, $3, now(), $4, $5::TIMESTAMPTZ, $6::TIMESTAMPTZ, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        params: [
          r.shadowId, r.goldSet, v[0]?.v ?? 1, r.actor, r.window.start, r.window.end, r.params.window, JSON.stringify(r.params),
          r.params.seed, r.nWindow, r.nCandidates, r.nDuplicates, r.items.length, JSON.stringify(r.redactions),
          JSON.stringify(r.sourceBatches), r.contentHash,
        ],
      });
      await store.run({
        sql: `INSERT INTO shadow_items BY NAME SELECT $1 AS shadow_id, item_id, traffic_seq::BIGINT AS traffic_seq, traffic_id, ts::TIMESTAMPTZ AS ts, stratum, weight,
          input, output, slice, judge_score, metadata, input_chars::INTEGER AS input_chars, output_chars::INTEGER AS output_chars,
          batch_id::BIGINT AS batch_id, embedding FROM temp.stage_shadow`,
        params: [r.shadowId],
      });
      await appendChainEvent(store, {
        kind: 'shadow', goldSet: r.goldSet, subject: r.shadowId, actor: r.actor, rows: r.items.length,
        covers: [{ table: 'shadow_sets', owner: r.shadowId }, { table: 'shadow_items', owner: r.shadowId }],
      });
    });
  } finally {
    await con.run(`DROP TABLE IF EXISTS temp.stage_shadow`);
  }
}
