import { provenance, requireGoldSet, type Store } from '@touchstone/core';
import { VerifyReportSchema, type ProvenanceReport, type Scale, type VerifyReport } from '@touchstone/core/schemas';
import { sanitizeDeep } from '../../sanitize/sanitize-deep.js';
import type { ComputeRunner } from '../compute/compute-request.js';
import { unavailable, type Capability } from './capability.js';
import { loadItemDetail, type ItemDetail } from './item-detail.js';
import { parseItemQuery } from './item-query.js';
import { searchItems, type ItemSearchResult } from './item-search.js';
import { loadLabelerDetail, type LabelerDetail } from './labeler-detail.js';

/** Placeholders until the capability's library function lands; the screens show the command. */
export type SkewPanel = never;
export type DriftPanel = never;
export type JudgePanel = never;

/** What the audit screens read. Every method is a fresh load; the UI caches by key (ui/hooks/use-resource.ts). */
export interface AuditSource {
  readonly goldSet: string;
  readonly scale: Scale;
  provenance(): Promise<ProvenanceReport>;
  verify(): Promise<VerifyReport>;
  labelerDetail(labelerId: string): Promise<LabelerDetail>;
  searchItems(query: string): Promise<ItemSearchResult>;
  itemDetail(itemId: string): Promise<ItemDetail>;
  skew(): Promise<Capability<SkewPanel>>;
  drift(): Promise<Capability<DriftPanel>>;
  judge(): Promise<Capability<JudgePanel>>;
}

export interface AuditSourceOptions {
  readonly goldSet: string;
  /** Where heavy library calls run: a worker pool in the CLI, inline in tests. */
  readonly compute: ComputeRunner;
  /** Strip escape and control sequences from every string (for the terminal); off for --json. */
  readonly sanitize: boolean;
}

/** The audit's data over an open store; fails with GOLD_NOT_FOUND when the gold set does not exist. */
export async function createAuditSource(store: Store, options: AuditSourceOptions): Promise<AuditSource> {
  const { goldSet } = options;
  const gold = await requireGoldSet(store, goldSet);
  const clean = <T>(p: Promise<T>): Promise<T> => (options.sanitize ? p.then(sanitizeDeep) : p);
  const request = { db: store.path, goldSet };
  return {
    goldSet: options.sanitize ? sanitizeDeep(goldSet) : goldSet,
    scale: gold.scale,
    provenance: () => clean(provenance(store, goldSet)),
    verify: () => clean(options.compute({ ...request, task: 'verify' }).then((r) => VerifyReportSchema.parse(r))),
    labelerDetail: (id) => clean(loadLabelerDetail(store, gold.scale, goldSet, id)),
    searchItems: (query) => clean(searchItems(store, gold.scale, goldSet, parseItemQuery(query))),
    itemDetail: (id) => clean(loadItemDetail(store, gold.scale, goldSet, id)),
    skew: async () => unavailable('labeler skew is not in this build yet', `touchstone skew --gold ${goldSet}`),
    drift: async () => unavailable('shadow sets and drift are not in this build yet', `touchstone drift-check --gold ${goldSet}`),
    judge: async () => unavailable('judge calibration is not in this build yet', `touchstone judge calibrate --gold ${goldSet} --judge NAME`),
  };
}
