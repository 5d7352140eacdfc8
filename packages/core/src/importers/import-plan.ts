import type { ImportItem, ImportKind, ImportRecord } from './import-item.js';
import { isSkip } from './import-item.js';

/** Records of one (question, judge, rank) in an export. */
export interface PlanGroup {
  readonly question: string | undefined;
  readonly judge: string | undefined;
  readonly rank: number;
  readonly rankNote: string | undefined;
  n: number;
  /** Records of this group lacking each required field (labeler, time …), to name the flag that supplies it when all lack it. */
  readonly missing: Map<string, number>;
}

/** Fields every record of a kind needs, which an export may not carry and a flag or --map can supply. */
export const REQUIRED_FIELDS: Readonly<Record<ImportKind, readonly string[]>> = {
  labels: ['item_id', 'labeler_id', 'labeled_at'],
  judge: ['item_id'],
  traffic: ['id', 'timestamp'],
};

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
  // A record that failed to parse belongs to its question when it names one (an answer to another
  // question is skipped with that question), else to every selection, so it is always reported.
  if ('parseError' in item.value && item.question === undefined) {
    plan.parseErrors += 1;
    return;
  }
  const key = groupKey(item);
  let g = plan.groups.get(key);
  if (g === undefined) {
    g = { question: item.question, judge: item.judge, rank: item.rank ?? 0, rankNote: item.rankNote, n: 0, missing: new Map() };
    plan.groups.set(key, g);
  }
  g.n += 1;
  if ('parseError' in item.value) return;
  for (const field of REQUIRED_FIELDS[plan.kind]) {
    const v = item.value[field];
    if (v === undefined || v === null || v === '') g.missing.set(field, (g.missing.get(field) ?? 0) + 1);
  }
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
