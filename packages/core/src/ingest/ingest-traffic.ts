import type { Redactor } from '../pii/redact.js';
import type { Store } from '../store/store.js';
import { runIngest, type IngestOptions } from './run-ingest.js';
import { trafficKind } from './traffic-kind.js';
import type { IngestSummary } from './ingest-summary.js';

export interface IngestTrafficOptions extends IngestOptions {
  /**
   * Redacts input, output and metadata values before anything is stored or hashed (the raw text
   * never reaches the store); the rules and hit counts are recorded in the batch's chained `detail`.
   */
  readonly redactor?: Redactor;
}

/** Ingests production traffic records as one batch. */
export async function ingestTraffic(store: Store, options: IngestTrafficOptions): Promise<IngestSummary & { redactions: Record<string, number> | null }> {
  const hits: Record<string, number> = {};
  const redactor = options.redactor !== undefined && options.redactor.rules.length > 0 ? options.redactor : undefined;
  const summary = await runIngest(store, trafficKind(redactor, hits), options, {
    goldSet: null,
    judge: null,
    ...(redactor === undefined ? {} : { detail: () => ({ redaction: { rules: redactor.rules, hits } }) }),
  });
  return { ...summary, redactions: redactor === undefined ? null : hits };
}
