import type { LeniencyDesign } from './co-labeler-design.js';
import type { SkewData } from './skew-data.js';
import { assignTests } from './test-cells.js';

/**
 * Sparse design (most items have a single label, so no peers on the same items): each labeler's
 * labels in a slice against the other labelers' labels in that slice. `y` is the label in leniency
 * units, or its residual after adjusting for the judge's score (judge-adjust.ts); NaN positions are
 * left out. Under "labelers are exchangeable within a slice" the slice's labels are shuffled among
 * its labelers. Effect per labeler × slice: mean(labeler) − mean(others); overall: those
 * differences averaged over the labeler's slices, weighted by the labeler's labels in each.
 * With `only`, just that labeler is tested.
 */
export function slicePeerDesign(data: SkewData, y: Float64Array, minLabels: number, only?: number): LeniencyDesign {
  const nLabelers = data.labelerIds.length;
  const nSlices = data.sliceNames.length;
  const nItems = data.itemStart.length - 1;
  const sliceOf = new Int32Array(y.length);
  for (let i = 0; i < nItems; i++) for (let p = data.itemStart[i]!; p < data.itemStart[i + 1]!; p++) sliceOf[p] = data.itemSlice[i]!;
  const cellN = new Int32Array(nLabelers * nSlices);
  const cellS = new Float64Array(nLabelers * nSlices);
  const cellQ = new Float64Array(nLabelers * nSlices);
  const sliceN = new Int32Array(nSlices);
  const sliceS = new Float64Array(nSlices);
  const sliceQ = new Float64Array(nSlices);
  for (let p = 0; p < y.length; p++) {
    const v = y[p]!;
    if (Number.isNaN(v)) continue;
    const s = sliceOf[p]!;
    const c = data.labeler[p]! * nSlices + s;
    cellN[c]! += 1;
    cellS[c]! += v;
    cellQ[c]! += v * v;
    sliceN[s]! += 1;
    sliceS[s]! += v;
    sliceQ[s]! += v * v;
  }
  // A cell is testable only when both the labeler and the others have enough labels in the slice.
  const usable = new Int32Array(nLabelers * nSlices);
  const countLabeler = new Int32Array(nLabelers);
  for (let c = 0; c < usable.length; c++) {
    const others = sliceN[c % nSlices]! - cellN[c]!;
    if (cellN[c]! >= 2 && others >= 2 && (only === undefined || Math.floor(c / nSlices) === only)) {
      usable[c] = cellN[c]!;
      countLabeler[Math.floor(c / nSlices)]! += cellN[c]!;
    }
  }
  const { cells, labelerTest, cellTest } = assignTests(nLabelers, nSlices, countLabeler, usable, minLabels);

  const groupStart = new Int32Array(nSlices + 1);
  for (let s = 0; s < nSlices; s++) groupStart[s + 1] = groupStart[s]! + sliceN[s]!;
  const fill = Int32Array.from(groupStart.subarray(0, nSlices));
  const nPositions = groupStart[nSlices]!;
  const values = new Float64Array(nPositions);
  const testA = new Int32Array(nPositions);
  const testB = new Int32Array(nPositions);
  const residual = new Float64Array(y.length).fill(Number.NaN);
  for (let p = 0; p < y.length; p++) {
    if (Number.isNaN(y[p]!)) continue;
    const s = sliceOf[p]!;
    const j = data.labeler[p]!;
    const q = fill[s]!++;
    values[q] = y[p]!;
    const c = j * nSlices + s;
    testA[q] = usable[c]! > 0 ? labelerTest[j]! : -1;
    testB[q] = cellTest[c]!;
    const others = sliceN[s]! - cellN[c]!;
    residual[p] = others > 0 ? y[p]! - (sliceS[s]! - cellS[c]!) / others : Number.NaN;
  }

  const effect = new Float64Array(cells.length);
  const se = new Float64Array(cells.length);
  cells.forEach((cell, t) => {
    const slices = cell.slice >= 0 ? [cell.slice] : Array.from({ length: nSlices }, (_, s) => s);
    let weight = 0;
    let est = 0;
    let variance = 0;
    for (const s of slices) {
      const c = cell.labeler * nSlices + s;
      if (usable[c] === 0) continue;
      const n1 = cellN[c]!;
      const n0 = sliceN[s]! - n1;
      const m1 = cellS[c]! / n1;
      const m0 = (sliceS[s]! - cellS[c]!) / n0;
      const v1 = Math.max(0, (cellQ[c]! - n1 * m1 * m1) / (n1 - 1));
      const v0 = Math.max(0, (sliceQ[s]! - cellQ[c]! - n0 * m0 * m0) / (n0 - 1));
      est += n1 * (m1 - m0);
      variance += n1 * n1 * (v1 / n1 + v0 / n0);
      weight += n1;
    }
    effect[t] = est / weight;
    se[t] = Math.sqrt(variance) / weight;
  });
  return { design: { groupStart, values, groupWeight: new Float64Array(nSlices).fill(1), testA, testB, nTests: cells.length }, cells, effect, se, residual };
}
