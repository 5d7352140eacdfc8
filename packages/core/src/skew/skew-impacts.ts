import { counterfactualImpact, type Correction } from './counterfactual.js';
import type { RawTest } from './findings.js';
import { impactReference } from './impact-reference.js';
import type { RedrawContext } from './label-redraw.js';
import type { SkewData } from './skew-data.js';
import type { SkewImpact } from './skew-report.js';

export interface SkewImpacts {
  /** A labeler's counterfactual impact: all their labels corrected for their estimated bias. */
  readonly labeler: (j: number) => SkewImpact;
  /** Where a labeler's expected flips land, by slice. */
  readonly labelerBySlice: (j: number) => { slice: string | null; flipped_items: number }[];
  /** A flagged test's: a labeler × slice flag corrects that slice only; a guideline shift the older version's labels on its slice. */
  readonly test: (k: number) => SkewImpact;
}

/**
 * Counterfactual impacts (counterfactual.ts) of every labeler and every flag, with their null
 * reference (impact-reference.ts). A labeler's bias is their overall leniency estimate, except on
 * slices where a labeler × slice leniency flag stands: there the slice's estimate, and elsewhere the
 * overall estimate with those slices taken out (n-weighted: overall·n − Σ slice·n_slice over the rest).
 * Estimates come from the tests (on labels adjusted for guideline shifts); the labels corrected are
 * the stored ones.
 */
export function skewImpacts(data: SkewData, baseline: Int8Array, byLabeler: readonly Int32Array[], tests: readonly RawTest[], flagged: readonly boolean[]): SkewImpacts {
  const nSlices = data.sliceNames.length;
  const nLabelers = data.labelerIds.length;
  const posSlice = new Int32Array(data.value.length);
  for (let i = 0; i + 1 < data.itemStart.length; i++) for (let p = data.itemStart[i]!; p < data.itemStart[i + 1]!; p++) posSlice[p] = data.itemSlice[i]!;
  const sum = new Float64Array(nLabelers * nSlices);
  const count = new Float64Array(nLabelers * nSlices);
  for (let p = 0; p < data.value.length; p++) {
    sum[data.labeler[p]! * nSlices + posSlice[p]!]! += data.value[p]!;
    count[data.labeler[p]! * nSlices + posSlice[p]!]! += 1;
  }
  const share = categoryShares(data, posSlice);
  const context = (rate: number, s: number): RedrawContext => ({ rate, categoryShare: share?.[s] ?? null });
  const labelerContext = (p: number): RedrawContext => {
    const c = data.labeler[p]! * nSlices + posSlice[p]!;
    return context(count[c]! > 0 ? sum[c]! / count[c]! : 0, posSlice[p]!);
  };

  const overall = new Int32Array(nLabelers).fill(-1);
  const flaggedSlice = new Map<number, number>();
  tests.forEach((t, k) => {
    if (t.kind !== 'leniency') return;
    if (t.slice < 0) overall[t.labeler] = k;
    else if (flagged[k] === true) flaggedSlice.set(t.labeler * nSlices + t.slice, k);
  });
  const bias = (j: number): { bySlice: Float64Array; rest: number } => {
    const out = new Float64Array(nSlices);
    const all = tests[overall[j]!];
    let rest = all === undefined ? 0 : all.effect * all.n;
    let restN = all?.n ?? 0;
    for (let s = 0; s < nSlices; s++) {
      const t = tests[flaggedSlice.get(j * nSlices + s) ?? -1];
      if (t === undefined) continue;
      rest -= t.effect * t.n;
      restN -= t.n;
    }
    const b = all === undefined || restN <= 0 ? 0 : rest / restN;
    for (let s = 0; s < nSlices; s++) out[s] = tests[flaggedSlice.get(j * nSlices + s) ?? -1]?.effect ?? b;
    return { bySlice: out, rest: b };
  };

  const bySlice = new Map<number, Float64Array>();
  const describe = (items: ArrayLike<number>, correction: Correction, corrected: (p: number) => boolean, contextAt: Correction['contextAt'], nullSe: number | null, corrections: SkewImpact['corrections'], relabel?: string[], labelerIndex?: number): SkewImpact => {
    const c = counterfactualImpact(data, baseline, items, correction);
    if (labelerIndex !== undefined) bySlice.set(labelerIndex, c.flippedBySlice);
    const r = nullSe === null ? null : impactReference(data, baseline, items, corrected, contextAt, nullSe);
    return {
      flipped_items: c.flippedItems,
      pass_rate_shift: c.passRateShift,
      relabel_items: relabel ?? [...c.relabel],
      corrections,
      reference: r === null ? null : { flipped_items: r.flippedItems, flipped_items_p95: r.flippedItemsP95, pass_rate_shift: r.passRateShift, pass_rate_shift_p95: r.passRateShiftP95 },
      times_reference: r === null ? null : timesReference(c.flippedItems, r.flippedItemsP95),
    };
  };

  const cache = new Map<number, SkewImpact>();
  const labeler = (j: number): SkewImpact => {
    const hit = cache.get(j);
    if (hit !== undefined) return hit;
    const { bySlice: b, rest } = bias(j);
    const all = tests[overall[j]!];
    const corrections: SkewImpact['corrections'] = all === undefined ? [] : [{ slice: null, bias: rest }];
    for (let s = 0; s < nSlices; s++) if (flaggedSlice.has(j * nSlices + s)) corrections.push({ slice: data.sliceNames[s] ?? null, bias: b[s]! });
    const mine = (p: number): boolean => data.labeler[p] === j;
    const out = describe(byLabeler[j]!, { biasAt: (p) => (mine(p) ? b[posSlice[p]!]! : 0), contextAt: labelerContext }, mine, labelerContext, all?.nullSe ?? null, corrections, undefined, j);
    cache.set(j, out);
    return out;
  };

  const test = (k: number): SkewImpact => {
    const t = tests[k]!;
    if (t.kind === 'guideline_shift' && t.versions !== null) {
      const [v] = t.versions;
      const items = itemsOfSlice(data, t.slice);
      let s1 = 0;
      let n1 = 0;
      for (const i of items) {
        for (let p = data.itemStart[i]!; p < data.itemStart[i + 1]!; p++) {
          if (data.version[p] !== v) continue;
          s1 += data.value[p]!;
          n1 += 1;
        }
      }
      const ctx = context(n1 > 0 ? s1 / n1 : 0, t.slice);
      const older = (p: number): boolean => data.version[p] === v;
      const stale = items.filter((i) => {
        for (let p = data.itemStart[i]!; p < data.itemStart[i + 1]!; p++) if (data.version[p] !== v) return false;
        return true;
      });
      return describe(items, { biasAt: (p) => (older(p) ? t.effect : 0), contextAt: () => ctx }, older, () => ctx, t.nullSe, [{ slice: data.sliceNames[t.slice] ?? null, bias: t.effect }], Array.from(stale, (i) => data.itemIds[i]!));
    }
    if (t.kind !== 'leniency' || t.slice < 0) return labeler(t.labeler);
    const j = t.labeler;
    const items = byLabeler[j]!.filter((i) => data.itemSlice[i] === t.slice);
    const mine = (p: number): boolean => data.labeler[p] === j;
    return describe(items, { biasAt: (p) => (mine(p) ? t.effect : 0), contextAt: labelerContext }, mine, labelerContext, t.nullSe, [{ slice: data.sliceNames[t.slice] ?? null, bias: t.effect }]);
  };
  const labelerBySlice = (j: number): { slice: string | null; flipped_items: number }[] => {
    labeler(j);
    return Array.from(bySlice.get(j) ?? [], (f, s) => ({ slice: data.sliceNames[s] ?? null, flipped_items: f }));
  };
  return { labeler, labelerBySlice, test };
}

function itemsOfSlice(data: SkewData, s: number): Int32Array {
  const out: number[] = [];
  for (let i = 0; i + 1 < data.itemStart.length; i++) if (data.itemSlice[i] === s) out.push(i);
  return Int32Array.from(out);
}

/** Nominal scales: each slice's share of labels per category. */
function categoryShares(data: SkewData, posSlice: Int32Array): Float64Array[] | null {
  if (data.scale.kind !== 'nominal') return null;
  const k = data.scale.categories.length;
  const out = data.sliceNames.map(() => new Float64Array(k));
  for (let p = 0; p < data.category.length; p++) if (data.category[p]! >= 0) out[posSlice[p]!]![data.category[p]!]! += 1;
  for (const row of out) {
    const total = row.reduce((a, b) => a + b, 0);
    if (total > 0) for (let c = 0; c < k; c++) row[c] = row[c]! / total;
  }
  return out;
}

/** flips ÷ the unbiased p95, with the p95 floored at a tenth of a flip (a labeler of a handful of labels has a p95 near 0). */
export function timesReference(flips: number, p95: number): number {
  return flips / Math.max(p95, 0.1);
}
