import type { Store } from '../store/store.js';
import { runIngest, type IngestOptions } from './run-ingest.js';
import { trafficKind } from './traffic-kind.js';
import type { IngestSummary } from './ingest-summary.js';

/** Ingests production traffic records as one batch. */
export function ingestTraffic(store: Store, options: IngestOptions): Promise<IngestSummary> {
  return runIngest(store, trafficKind(), options, { goldSet: null, judge: null });
}
