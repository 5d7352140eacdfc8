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
  if (options.goldSet !== undefined) await requireGoldSet(store, options.goldSet);
  return runIngest(store, judgeKind(options.goldSet ?? null, options.judge), options, { goldSet: options.goldSet ?? null, judge: options.judge });
}
