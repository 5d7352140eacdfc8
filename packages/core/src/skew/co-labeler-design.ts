import type { PermutationDesign } from './permutation-design.js';
import type { SkewData } from './skew-data.js';
import { assignTests, type TestCell } from './test-cells.js';

export interface LeniencyDesign {
  readonly design: PermutationDesign;
  readonly cells: TestCell[];
  /** Effect per test in label units, and its standard error. */
  readonly effect: Float64Array;
  readonly se: Float64Array;
  /** Per label (in SkewData order): its residual against the comparison, NaN when not compared. */
  readonly residual: Float64Array;
}

/**
 * Dense design: each label against the leave-one-out mean of its co-labelers on the same item,
 * r = y − mean(others) = (m·y − Σy)/(m − 1). Under "labelers are exchangeable on each item" the
 * item's labels are shuffled among its labelers, so the test sums c·y with c = m/(m − 1) over the
 * labeler's items, and the effect (mean r, label units) is what a labeler adds over their peers.
 * Items with one label have no peers and are left out. Labelers marked in `dropped` are left out
 * entirely (neither tested nor anyone's peer); with `only`, just that labeler is tested, on its items.
 */
export function coLabelerDesign(data: SkewData, minLabels: number, dropped?: Uint8Array, only?: number): LeniencyDesign {
  const keep = (p: number): boolean => dropped === undefined || dropped[data.labeler[p]!] === 0;
  const relevant = (i: number): boolean => {
    if (only === undefined) return true;
    for (let p = data.itemStart[i]!; p < data.itemStart[i + 1]!; p++) if (data.labeler[p] === only) return true;
    return false;
  };
  const nLabelers = data.labelerIds.length;
  const nSlices = data.sliceNames.length;
  const nItems = data.itemStart.length - 1;
  const countLabeler = new Int32Array(nLabelers);
  const countCell = new Int32Array(nLabelers * nSlices);
  let nPositions = 0;
  let nGroups = 0;
  const kept = new Int32Array(nItems);
  for (let i = 0; i < nItems; i++) {
    if (!relevant(i)) continue;
    for (let p = data.itemStart[i]!; p < data.itemStart[i + 1]!; p++) if (keep(p)) kept[i]! += 1;
    if (kept[i]! < 2) continue;
    nGroups += 1;
    nPositions += kept[i]!;
    for (let p = data.itemStart[i]!; p < data.itemStart[i + 1]!; p++) {
      if (!keep(p) || (only !== undefined && data.labeler[p] !== only)) continue;
      countLabeler[data.labeler[p]!]! += 1;
      countCell[data.labeler[p]! * nSlices + data.itemSlice[i]!]! += 1;
    }
  }
  const { cells, labelerTest, cellTest } = assignTests(nLabelers, nSlices, countLabeler, countCell, minLabels);
  const groupStart = new Int32Array(nGroups + 1);
  const values = new Float64Array(nPositions);
  const groupWeight = new Float64Array(nGroups);
  const testA = new Int32Array(nPositions);
  const testB = new Int32Array(nPositions);
  const residual = new Float64Array(data.value.length).fill(Number.NaN);
  const sum = new Float64Array(cells.length);
  const sumSq = new Float64Array(cells.length);
  let g = 0;
  let q = 0;
  for (let i = 0; i < nItems; i++) {
    const a = data.itemStart[i]!;
    const b = data.itemStart[i + 1]!;
    const m = kept[i]!;
    if (m < 2) continue;
    let total = 0;
    for (let p = a; p < b; p++) if (keep(p)) total += data.value[p]!;
    groupWeight[g] = m / (m - 1);
    for (let p = a; p < b; p++) {
      if (!keep(p)) continue;
      const j = data.labeler[p]!;
      const r = (m * data.value[p]! - total) / (m - 1);
      residual[p] = r;
      values[q] = data.value[p]!;
      testA[q] = labelerTest[j]!;
      testB[q] = cellTest[j * nSlices + data.itemSlice[i]!]!;
      for (const t of [testA[q]!, testB[q]!]) {
        if (t < 0) continue;
        sum[t]! += r;
        sumSq[t]! += r * r;
      }
      q += 1;
    }
    g += 1;
    groupStart[g] = q;
  }
  const effect = new Float64Array(cells.length);
  const se = new Float64Array(cells.length);
  const n = new Int32Array(cells.length);
  for (let p = 0; p < nPositions; p++) {
    if (testA[p]! >= 0) n[testA[p]!]! += 1;
    if (testB[p]! >= 0) n[testB[p]!]! += 1;
  }
  for (let t = 0; t < cells.length; t++) {
    const nt = n[t]!;
    const mean = sum[t]! / nt;
    effect[t] = mean;
    se[t] = nt > 1 ? Math.sqrt(Math.max(0, (sumSq[t]! - nt * mean * mean) / (nt - 1)) / nt) : Number.NaN;
  }
  return { design: { groupStart, values, groupWeight, testA, testB, nTests: cells.length }, cells, effect, se, residual };
}
