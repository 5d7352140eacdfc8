import type { Store } from '../store/store.js';
import { requireGoldSet } from '../gold/gold-set.js';
import { judgeKind } from './judge-kind.js';
import { runIngest, type IngestOptions } from './run-ingest.js';
import type { IngestSummary } from './ingest-summary.js';

export interface IngestJudgeOptions extends IngestOptions {
  readonly judge: string;
  /** The gold set the scored items belong to, when known. */
  readonly goldSet?: string;
}

/** Ingests one judge's scores on gold items as one batch. */
export async function ingestJudge(store: Store, options: IngestJudgeOptions): Promise<IngestSummary> {
  const gold = options.goldSet === undefined ? undefined : await requireGoldSet(store, options.goldSet);
  let unknown: { scores: number; items: number; examples: string[] } | undefined;
  const summary = await runIngest(store, judgeKind(options.goldSet ?? null, options.judge, gold?.scale), options, {
    goldSet: options.goldSet ?? null,
    judge: options.judge,
    afterInsert: async (_batchId, stage) => {
      if (options.goldSet === undefined) return;
      const [row] = await store.all<{ scores: number; items: number; examples: string[] }>({
        sql: `SELECT count(*)::INTEGER AS scores, count(DISTINCT item_id)::INTEGER AS items, list(DISTINCT item_id ORDER BY item_id)[1:3] AS examples
          FROM ${stage} s WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.gold_set = $1 AND i.item_id = s.item_id)`,
        params: [options.goldSet],
      });
      if (row !== undefined && row.scores > 0) unknown = row;
    },
  });
  if (unknown === undefined) return summary;
  const shown = unknown.examples.map((e) => JSON.stringify(e)).join(', ');
  return {
    ...summary,
    warnings: [...summary.warnings, {
      code: 'JUDGE_UNKNOWN_ITEMS',
      count: unknown.scores,
      message: `${unknown.scores} of ${summary.staged} scores are for ${unknown.items} item${unknown.items === 1 ? '' : 's'} not in gold set "${options.goldSet ?? ''}" (${shown}${unknown.items > 3 ? ', …' : ''}); stored, but judge calibrate pairs only items with gold labels`,
    }],
  };
}
