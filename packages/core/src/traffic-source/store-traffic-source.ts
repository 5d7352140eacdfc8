import { metadataCountsSql, windowSlicesSql } from '../drift/drift-sql.js';
import { windowVsGoldMetadataSql } from '../drift/gold-context-sql.js';
import { candidatesSql, strataSql } from '../shadow/shadow-sql.js';
import type { CandidateRow } from '../shadow/shadow-item.js';
import type { Store } from '../store/store.js';
import type { GoldMetadataValueCount, MetadataValueCount, StratumCount, TrafficSource, WindowSliceCount } from './traffic-source.js';

/** The store's own `traffic` table as a traffic source (the DuckDB builders, unchanged). */
export function storeTrafficSource(store: Store): TrafficSource {
  return {
    kind: 'duckdb',
    description: 'duckdb:traffic',
    strata: (window, stratifyBy, passThreshold) => store.all<StratumCount>(strataSql(window, stratifyBy, passThreshold)),
    candidates: (window, stratifyBy, seed, limits) => store.all<CandidateRow>(candidatesSql(window, stratifyBy, seed, limits)),
    windowSlices: (window) => store.all<WindowSliceCount>(windowSlicesSql(window)),
    metadataCounts: (r) => store.all<MetadataValueCount>(metadataCountsSql(r.keys, r.window, r.baselineStart, r.turnoverStart, r.topK)),
    windowVsGoldMetadata: (gold, window, topK) => store.all<GoldMetadataValueCount>(windowVsGoldMetadataSql(gold, window, topK)),
    span: async () => (await store.all<{ lo: string | null; hi: string | null; n: number }>(`SELECT min(ts) AS lo, max(ts) AS hi, count(*) AS n FROM traffic`))[0] ?? { lo: null, hi: null, n: 0 },
  };
}
