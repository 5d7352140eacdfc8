import { DataError, UsageError } from '../errors/touchstone-error.js';
import { appendChainEvent } from '../integrity/chain-event.js';
import type { ErasureDetail } from '../integrity/erasure-detail.js';
import type { Store } from '../store/store.js';
import { derivedShadowItemsSql, eraseShadowItemsSql, eraseTrafficSql, selectErasableSql, type EraseSelector } from './erase-sql.js';

export interface EraseOptions {
  readonly selector: EraseSelector;
  readonly reason: string;
  readonly actor: string;
}

export interface EraseResult {
  readonly batch_id: number | null;
  readonly traffic_rows: number;
  readonly shadow_items: number;
  readonly shadow_sets: readonly string[];
}

/**
 * Erases the text (input, output, metadata) of the selected traffic rows and of every shadow-set
 * item drawn from them, in one transaction, and records the erasure as a chained `erase` event:
 * who, when, why, which rows and the row hashes they had (so `verify` accepts those rows and only
 * those) and a fresh seal of the shadow sets it touched. The old text can linger in free blocks of
 * the DuckDB file: run `compactStore` afterwards (the CLI does).
 */
export async function erase(store: Store, options: EraseOptions): Promise<EraseResult> {
  if (options.reason.trim() === '') throw new UsageError('ERASE_REASON', 'erase needs --reason: it is recorded in the chain with the erasure');
  if ('matching' in options.selector) {
    try {
      await store.all({ sql: `SELECT regexp_matches('', $1)`, params: [options.selector.matching] });
    } catch (error) {
      throw new UsageError('ERASE_REGEX', `--matching "${options.selector.matching}" is not a valid regular expression (RE2 syntax): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  const rows = await store.all<{ seq: number; id: string; row_hash: string }>(selectErasableSql(options.selector));
  if (rows.length === 0) return { batch_id: null, traffic_rows: 0, shadow_items: 0, shadow_sets: [] };
  const seqs = 'temp.erase_seqs';
  await store.run(`CREATE OR REPLACE TEMP TABLE erase_seqs AS SELECT unnest(${JSON.stringify(rows.map((r) => r.seq))}::BIGINT[]) AS seq`);
  try {
    return await store.transaction(async () => {
      const items = await store.all<{ shadow_id: string; item_id: string }>(derivedShadowItemsSql(seqs));
      await store.run(eraseTrafficSql(seqs));
      await store.run(eraseShadowItemsSql(seqs));
      const shadowSets = [...new Set(items.map((i) => i.shadow_id))].sort();
      const detail: ErasureDetail = {
        reason: options.reason,
        selector: 'trafficIds' in options.selector ? `--traffic-id ${options.selector.trafficIds.join(' ')}` : `--matching ${options.selector.matching}`,
        traffic: rows,
        shadow_items: items,
      };
      const event = await appendChainEvent(store, {
        kind: 'erase', goldSet: null, subject: `erasure of ${rows.length} traffic records`, actor: options.actor, rows: rows.length + items.length,
        covers: shadowSets.map((owner) => ({ table: 'shadow_items' as const, owner })), detail,
      });
      return { batch_id: event.batch_id, traffic_rows: rows.length, shadow_items: items.length, shadow_sets: shadowSets };
    });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new DataError('ERASE_FAILED', `erase: nothing was erased: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await store.run(`DROP TABLE IF EXISTS ${seqs}`);
  }
}
