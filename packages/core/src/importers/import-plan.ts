import type { ImportItem, ImportKind, ImportRecord } from './import-item.js';
import { isSkip } from './import-item.js';

/** Records of one (question, judge, rank) in an export. */
export interface PlanGroup {
  readonly question: string | undefined;
  readonly judge: string | undefined;
  readonly rank: number;
  readonly rankNote: string | undefined;
  n: number;
}

/** What a first pass over an export found for one kind: records by (question, judge, rank), skips by reason. */
export interface ImportPlan {
  readonly kind: ImportKind;
  readonly groups: Map<string, PlanGroup>;
  parseErrors: number;
  readonly skips: Map<string, number>;
  /** Records of the other kinds, to say what the export holds when it has none of this kind. */
  readonly otherKinds: Map<ImportKind, number>;
}

export function emptyPlan(kind: ImportKind): ImportPlan {
  return { kind, groups: new Map(), parseErrors: 0, skips: new Map(), otherKinds: new Map() };
}

export function addToPlan(plan: ImportPlan, item: ImportItem): void {
  if (item.kind !== plan.kind) {
    if (!isSkip(item)) plan.otherKinds.set(item.kind, (plan.otherKinds.get(item.kind) ?? 0) + 1);
    return;
  }
  if (isSkip(item)) {
    plan.skips.set(item.skip, (plan.skips.get(item.skip) ?? 0) + 1);
    return;
  }
  if ('parseError' in item.value) {
    plan.parseErrors += 1;
    return;
  }
  const key = groupKey(item);
  const g = plan.groups.get(key);
  if (g === undefined) plan.groups.set(key, { question: item.question, judge: item.judge, rank: item.rank ?? 0, rankNote: item.rankNote, n: 1 });
  else g.n += 1;
}

function groupKey(item: ImportRecord): string {
  return JSON.stringify([item.question ?? null, item.judge ?? null, item.rank ?? 0]);
}

/** Counts of every kind's records and skips, for messages. */
export function planTotal(plan: ImportPlan): number {
  let n = plan.parseErrors;
  for (const g of plan.groups.values()) n += g.n;
  for (const s of plan.skips.values()) n += s;
  return n;
}
