import type { Scale } from '../schemas/scale.js';
import { passCategories, scaleCategories, type SkewData } from './skew-data.js';

/** One current label as plain data (what `current_labels` holds), for tests and simulations. */
export interface SkewLabelRecord {
  readonly item_id: string;
  readonly labeler_id: string;
  readonly value: number | null;
  readonly text?: string | null;
  readonly labeled_at?: number;
  readonly slice?: string | null;
  readonly guideline_version?: string | null;
  readonly session_id?: string | null;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds SkewData from plain records the way the SQL loader does from the store: items and
 * labelers in string order, the item's slice its most common label slice (ties: smallest name),
 * versions in order of first use, positions by labeled_at within (labeler, session).
 */
export function skewDataFromRecords(scale: Scale, records: readonly SkewLabelRecord[], judge?: { name: string; scores: ReadonlyMap<string, number> }): SkewData {
  const itemIds = [...new Set(records.map((r) => r.item_id))].sort(byString);
  const labelerIds = [...new Set(records.map((r) => r.labeler_id))].sort(byString);
  const itemIndex = new Map(itemIds.map((id, i) => [id, i]));
  const labelerIndex = new Map(labelerIds.map((id, i) => [id, i]));
  const sorted = [...records].sort((a, b) => itemIndex.get(a.item_id)! - itemIndex.get(b.item_id)! || labelerIndex.get(a.labeler_id)! - labelerIndex.get(b.labeler_id)!);
  const n = sorted.length;
  const itemStart = new Int32Array(itemIds.length + 1);
  for (const r of sorted) itemStart[itemIndex.get(r.item_id)! + 1]! += 1;
  for (let i = 0; i < itemIds.length; i++) itemStart[i + 1]! += itemStart[i]!;

  const sliceVotes = itemIds.map(() => new Map<string | null, number>());
  for (const r of sorted) {
    const votes = sliceVotes[itemIndex.get(r.item_id)!]!;
    votes.set(r.slice ?? null, (votes.get(r.slice ?? null) ?? 0) + 1);
  }
  const itemSliceName = sliceVotes.map((votes) => [...votes.entries()].sort((a, b) => b[1] - a[1] || compareNullable(a[0], b[0]))[0]![0]);
  const sliceNames = [...new Set(itemSliceName)].sort(compareNullable);
  const sliceIndex = new Map(sliceNames.map((s, i) => [s, i]));

  const firstUse = new Map<string, number>();
  for (const r of sorted) {
    if (r.guideline_version === null || r.guideline_version === undefined) continue;
    const t = r.labeled_at ?? 0;
    firstUse.set(r.guideline_version, Math.min(firstUse.get(r.guideline_version) ?? Infinity, t));
  }
  const versionNames = [...firstUse.entries()].sort((a, b) => a[1] - b[1] || byString(a[0], b[0])).map(([v]) => v);
  const versionIndex = new Map(versionNames.map((v, i) => [v, i]));

  const { values: categoryValues } = scaleCategories(scale);
  const data = {
    labeler: new Int32Array(n), value: new Float64Array(n), category: new Int32Array(n), time: new Float64Array(n),
    version: new Int32Array(n), session: new Int32Array(n).fill(-1), position: new Int32Array(n),
  };
  const sessionKeys = [...new Set(sorted.filter((r) => r.session_id !== null && r.session_id !== undefined).map((r) => `${r.labeler_id}\u0000${r.session_id}`))].sort(byString);
  const sessionIndex = new Map(sessionKeys.map((k, i) => [k, i]));
  const sessionMembers: number[][] = sessionKeys.map(() => []);
  sorted.forEach((r, p) => {
    data.labeler[p] = labelerIndex.get(r.labeler_id)!;
    const { value, category } = encode(scale, r);
    data.value[p] = value;
    data.category[p] = category;
    data.time[p] = r.labeled_at ?? 0;
    data.version[p] = r.guideline_version === null || r.guideline_version === undefined ? -1 : versionIndex.get(r.guideline_version)!;
    if (r.session_id !== null && r.session_id !== undefined) {
      const s = sessionIndex.get(`${r.labeler_id}\u0000${r.session_id}`)!;
      data.session[p] = s;
      sessionMembers[s]!.push(p);
    }
  });
  for (const members of sessionMembers) {
    members.sort((a, b) => data.time[a]! - data.time[b]! || a - b);
    members.forEach((p, rank) => (data.position[p] = rank + 1));
  }
  return {
    scale, itemIds, labelerIds, sliceNames, versionNames, itemStart,
    itemSlice: Int32Array.from(itemSliceName, (s) => sliceIndex.get(s)!),
    ...data, categoryValues,
    judge: judge === undefined ? null : Float64Array.from(itemIds, (id) => judge.scores.get(id) ?? Number.NaN),
    judgeName: judge?.name ?? null,
  };
}

function encode(scale: Scale, r: SkewLabelRecord): { value: number; category: number } {
  switch (scale.kind) {
    case 'binary':
      return { value: r.value ?? Number.NaN, category: r.value ?? -1 };
    case 'ordinal':
      return { value: r.value ?? Number.NaN, category: r.value === null ? -1 : r.value - scale.min };
    case 'interval':
      return { value: r.value ?? Number.NaN, category: -1 };
    case 'nominal': {
      const text = r.text ?? '';
      return { value: passCategories(scale).includes(text) ? 1 : 0, category: scale.categories.indexOf(text) };
    }
  }
}

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return byString(a, b);
}
