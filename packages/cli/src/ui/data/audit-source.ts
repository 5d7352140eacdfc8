import { provenance, requireGoldSet, type Store } from '@touchstone/core';
import { VerifyReportSchema, type ProvenanceReport, type Scale, type VerifyReport } from '@touchstone/core/schemas';
import { sanitizeDeep } from '../../sanitize/sanitize-deep.js';
import type { ComputeRunner } from '../compute/compute-request.js';
import { runComputeTask } from '../compute/compute-tasks.js';
import type { Capability } from './capability.js';
import { loadItemDetail, type ItemDetail } from './item-detail.js';
import { parseItemQuery } from './item-query.js';
import { searchItems, type ItemSearchResult } from './item-search.js';
import { loadLabelerDetail, type LabelerDetail } from './labeler-detail.js';
import { loadDriftPanel, loadJudgePanel, loadSkewPanel } from './load-panels.js';
import { serialStore } from './serial-store.js';
import type { DriftPanel, JudgePanel, SkewPanel } from './panels.js';

export type { DriftPanel, JudgePanel, SkewPanel } from './panels.js';

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
  /** Where heavy library calls run: child processes for the terminal UI; 'inline' on this store (--json, tests). */
  readonly compute: ComputeRunner | 'inline';
  /** Strip escape and control sequences from every string (for the terminal); off for --json. */
  readonly sanitize: boolean;
  /** Hold heavy computations back until the provenance (the first screen) has loaded, or this many ms. */
  readonly computeAfterFirstScreenMs?: number;
}

/** The audit's data over an open store; fails with GOLD_NOT_FOUND when the gold set does not exist. */
export async function createAuditSource(rawStore: Store, options: AuditSourceOptions): Promise<AuditSource> {
  const { goldSet } = options;
  const { store, exclusive } = serialStore(rawStore);
  const runner: ComputeRunner = options.compute === 'inline' ? (r) => exclusive(() => runComputeTask(rawStore, r)) : options.compute;
  // The first screen is the provenance; statistics wait for it (or a deadline) so they do not compete with it for the CPU.
  let firstScreen: () => void = () => {};
  const shown = new Promise<void>((r) => (firstScreen = r));
  const wait = options.computeAfterFirstScreenMs;
  const compute: ComputeRunner = wait === undefined ? runner : async (r) => {
    await Promise.race([shown, new Promise((t) => setTimeout(t, wait).unref())]);
    return runner(r);
  };
  const gold = await requireGoldSet(store, goldSet);
  const clean = <T>(p: Promise<T>): Promise<T> => (options.sanitize ? p.then(sanitizeDeep) : p);
  const request = { db: store.path, goldSet };
  return {
    goldSet: options.sanitize ? sanitizeDeep(goldSet) : goldSet,
    scale: gold.scale,
    provenance: () => clean(provenance(store, goldSet).finally(firstScreen)),
    verify: () => clean(compute({ ...request, task: 'verify' }).then((r) => VerifyReportSchema.parse(r))),
    labelerDetail: (id) => clean(loadLabelerDetail(store, gold.scale, goldSet, id)),
    searchItems: (query) => clean(searchItems(store, gold.scale, goldSet, parseItemQuery(query))),
    itemDetail: (id) => clean(loadItemDetail(store, gold.scale, goldSet, id)),
    skew: () => clean(loadSkewPanel(compute, request)),
    drift: () => clean(loadDriftPanel(store, compute, request)),
    judge: () => clean(loadJudgePanel(store, compute, request)),
  };
}
