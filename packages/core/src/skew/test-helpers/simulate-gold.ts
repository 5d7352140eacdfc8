import type { Scale } from '../../schemas/scale.js';
import { createRng } from '../../stats/rng.js';
import type { SkewData } from '../skew-data.js';
import type { SkewLabelRecord } from '../skew-data-from-records.js';

export interface Plant {
  /** Share of the items the planted labeler labels. */
  readonly share: number;
  /** Slice the bias applies to (−1: every slice). */
  readonly slice: number;
  /** Ordinal: points added (clamped to the scale). Binary: pass-rate points added (fails flipped to passes). */
  readonly effect: number;
}

export interface SimulationOptions {
  readonly seed: number;
  readonly scale: 'binary' | 'ordinal';
  readonly nItems: number;
  readonly labelsPerItem: number;
  readonly nLabelers: number;
  readonly nSlices: number;
  readonly plant?: Plant;
  /** Share of items with a single label (a sparse design); the rest get `labelsPerItem`. Default 0. */
  readonly singleShare?: number;
}

export const PLANTED = 'L00';
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5);
const SESSION = 30;

/**
 * A simulated gold set with realistic agreement (Krippendorff's alpha ≈ 0.65–0.72): each item has a
 * latent quality (binary: passes with probability 0.9 or 0.1; ordinal 1–5: a uniform latent score
 * plus N(0, 0.7) noise, rounded). Labeler L00 labels `plant.share` of the items (the others share
 * the rest) and, when planted, is lenient on one slice. Labels are spread over 60 days in random
 * order, guideline v1 then v2, sessions of 30 consecutive labels. Built straight into typed arrays.
 */
export function simulateGold(o: SimulationOptions): { data: SkewData; scale: Scale } {
  const rng = createRng(o.seed);
  const scale: Scale = o.scale === 'binary' ? { kind: 'binary' } : { kind: 'ordinal', min: 1, max: 5, pass_threshold: 4 };
  const share = o.plant?.share ?? 1 / o.nLabelers;
  const single = Math.round(o.nItems * (o.singleShare ?? 0));
  const sizeOf = (i: number): number => (i % o.nItems < single ? 1 : o.labelsPerItem);
  const itemStart = new Int32Array(o.nItems + 1);
  for (let i = 0; i < o.nItems; i++) itemStart[i + 1] = itemStart[i]! + sizeOf(i);
  const n = itemStart[o.nItems]!;
  const itemSlice = Int32Array.from({ length: o.nItems }, (_, i) => i % o.nSlices);
  const labeler = new Int32Array(n);
  const value = new Float64Array(n);
  const time = new Float64Array(n);
  const chosen = new Int32Array(o.labelsPerItem);
  for (let i = 0; i < o.nItems; i++) {
    const m = sizeOf(i);
    const latent = o.scale === 'binary' ? (rng.next() < 0.5 ? 0.9 : 0.1) : 1 + 4 * rng.next();
    let c = 0;
    if (rng.next() < share) chosen[c++] = 0;
    while (c < m) {
      const j = 1 + rng.int(o.nLabelers - 1);
      if (!chosen.subarray(0, c).includes(j)) chosen[c++] = j;
    }
    chosen.subarray(0, m).sort();
    for (let k = 0; k < m; k++) {
      const j = chosen[k]!;
      const planted = j === 0 && o.plant !== undefined && (o.plant.slice < 0 || o.plant.slice === itemSlice[i]);
      let v: number;
      if (o.scale === 'binary') {
        v = rng.next() < latent ? 1 : 0;
        if (planted && v === 0 && rng.next() < o.plant!.effect / 0.5) v = 1;
      } else {
        v = Math.min(5, Math.max(1, Math.round(latent + 0.7 * rng.normal())));
        if (planted) v = Math.min(5, v + o.plant!.effect);
      }
      const p = itemStart[i]! + k;
      labeler[p] = j;
      value[p] = v;
      time[p] = START + Math.floor(60 * DAY * rng.next());
    }
  }
  const session = new Int32Array(n);
  const position = new Int32Array(n);
  const order = Array.from({ length: n }, (_, p) => p).sort((a, b) => labeler[a]! - labeler[b]! || time[a]! - time[b]!);
  let sessions = 0;
  order.forEach((p, k) => {
    const rank = k === 0 || labeler[order[k - 1]!] !== labeler[p] ? 0 : position[order[k - 1]!]! % SESSION;
    if (rank === 0) sessions += 1;
    session[p] = sessions - 1;
    position[p] = rank + 1;
  });
  const data: SkewData = {
    scale,
    itemIds: Array.from({ length: o.nItems }, (_, i) => `i${String(i).padStart(6, '0')}`),
    labelerIds: Array.from({ length: o.nLabelers }, (_, j) => `L${String(j).padStart(2, '0')}`),
    sliceNames: Array.from({ length: o.nSlices }, (_, s) => `s${s}`),
    versionNames: ['v1', 'v2'],
    itemStart, itemSlice, labeler, value,
    category: Int32Array.from(value, (v) => (o.scale === 'binary' ? v : v - 1)),
    categoryValues: o.scale === 'binary' ? Float64Array.of(0, 1) : Float64Array.of(1, 2, 3, 4, 5),
    time,
    version: Int32Array.from(time, (t) => (t < START + 30 * DAY ? 0 : 1)),
    session, position,
    judge: null, judgeName: null,
  };
  return { data, scale };
}

/** The simulated labels as plain records (what an ingest file would hold). */
export function simulatedRecords(data: SkewData): SkewLabelRecord[] {
  const out: SkewLabelRecord[] = [];
  for (let i = 0; i + 1 < data.itemStart.length; i++) {
    for (let p = data.itemStart[i]!; p < data.itemStart[i + 1]!; p++) {
      out.push({
        item_id: data.itemIds[i]!, labeler_id: data.labelerIds[data.labeler[p]!]!, value: data.value[p]!,
        labeled_at: data.time[p]!, slice: data.sliceNames[data.itemSlice[i]!] ?? null,
        guideline_version: data.versionNames[data.version[p]!] ?? null, session_id: `${data.labelerIds[data.labeler[p]!]}-${data.session[p]}`,
      });
    }
  }
  return out;
}
