import { DataError, UsageError } from '../errors/touchstone-error.js';
import { appendChainEvent } from '../integrity/chain-event.js';
import type { ErasureDetail } from '../integrity/erasure-detail.js';
import type { Store } from '../store/store.js';
import {
  derivedGoldItemsSql, derivedShadowItemsSql, driftReportsSql, erasedTextSql, eraseShadowItemsSql, eraseTrafficSql, selectErasableSql, updateDriftReportSql,
  updateGoldItemSql, type EraseSelector,
} from './erase-sql.js';
import { erasedFragments, scrubJson, scrubText } from './scrub-text.js';

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
  /** Gold items drawn from the rows (a label's `trace_id`) whose text held theirs. */
  readonly gold_items: number;
  /** Drift runs whose stored report quoted the text. */
  readonly drift_runs: number;
}

/**
 * Erases the text (input, output, metadata) of the selected traffic rows and of every shadow-set
 * item drawn from them, replaces copies of it in gold items drawn from them (a label's `trace_id`)
 * and in stored drift reports (their examples), in one transaction, and records the erasure as a chained `erase` event:
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
  if (rows.length === 0) return { batch_id: null, traffic_rows: 0, shadow_items: 0, shadow_sets: [], gold_items: 0, drift_runs: 0 };
  const seqs = 'temp.erase_seqs';
  await store.run(`CREATE OR REPLACE TEMP TABLE erase_seqs AS SELECT unnest(${JSON.stringify(rows.map((r) => r.seq))}::BIGINT[]) AS seq`);
  try {
    return await store.transaction(async () => {
      const items = await store.all<{ shadow_id: string; item_id: string }>(derivedShadowItemsSql(seqs));
      const fragments = erasedFragments(await store.all<{ input: string; output: string | null; metadata: string | null }>(erasedTextSql(seqs)));
      const gold = await scrubGoldItems(store, seqs, fragments);
      await store.run(eraseTrafficSql(seqs));
      await store.run(eraseShadowItemsSql(seqs));
      const runs = await scrubDriftReports(store, fragments);
      const shadowSets = [...new Set(items.map((i) => i.shadow_id))].sort();
      const goldSets = [...new Set(gold.map((i) => i.gold_set))].sort();
      const detail: ErasureDetail = {
        reason: options.reason,
        selector: 'trafficIds' in options.selector ? `--traffic-id ${options.selector.trafficIds.join(' ')}` : `--matching ${options.selector.matching}`,
        traffic: rows,
        shadow_items: items,
        gold_items: gold.map(({ gold_set, item_id }) => ({ gold_set, item_id })),
        drift_runs: runs,
      };
      const event = await appendChainEvent(store, {
        kind: 'erase', goldSet: null, subject: `erasure of ${rows.length} traffic records`, actor: options.actor, rows: rows.length + items.length,
        covers: [
          ...shadowSets.map((owner) => ({ table: 'shadow_items' as const, owner })),
          ...goldSets.map((owner) => ({ table: 'items' as const, owner })),
          ...runs.map((id) => ({ table: 'drift_runs' as const, owner: String(id) })),
        ],
        detail,
      });
      return { batch_id: event.batch_id, traffic_rows: rows.length, shadow_items: items.length, shadow_sets: shadowSets, gold_items: gold.length, drift_runs: runs.length };
    });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new DataError('ERASE_FAILED', `erase: nothing was erased: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await store.run(`DROP TABLE IF EXISTS ${seqs}`);
  }
}

/** Replaces the erased texts in the gold items drawn from the rows; returns the items changed. */
async function scrubGoldItems(store: Store, seqs: string, fragments: readonly string[]): Promise<{ gold_set: string; item_id: string }[]> {
  const changed: { gold_set: string; item_id: string }[] = [];
  const items = await store.all<{ gold_set: string; item_id: string; input: string | null; output: string | null; reference: string | null }>(derivedGoldItemsSql(seqs));
  for (const item of items) {
    const scrub = (t: string | null): string | null => (t === null ? null : scrubText(t, fragments));
    const text = { input: scrub(item.input), output: scrub(item.output), reference: scrub(item.reference) };
    if (text.input === item.input && text.output === item.output && text.reference === item.reference) continue;
    await store.run(updateGoldItemSql(item.gold_set, item.item_id, text));
    changed.push({ gold_set: item.gold_set, item_id: item.item_id });
  }
  return changed;
}

/** Replaces the erased texts in every stored drift report; returns the runs changed. */
async function scrubDriftReports(store: Store, fragments: readonly string[]): Promise<number[]> {
  const changed: number[] = [];
  for (const run of await store.all<{ run_id: number; report: string }>(driftReportsSql)) {
    const report = scrubJson(run.report, fragments);
    if (report === run.report) continue;
    await store.run(updateDriftReportSql(run.run_id, report));
    changed.push(run.run_id);
  }
  return changed;
}
