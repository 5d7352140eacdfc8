import type { SkewData } from './skew-data.js';

/**
 * Labels adjusted for item difficulty by a judge's score: within each slice, the least-squares line
 * label ≈ a + b·judge over all judged labels, and each label's residual from it. Labels on items the
 * judge did not score are NaN (left out). A slice with fewer than 10 judged labels or a constant
 * judge score falls back to the slice mean (b = 0).
 */
export function judgeAdjusted(data: SkewData): Float64Array {
  const out = new Float64Array(data.value.length).fill(Number.NaN);
  const judge = data.judge;
  if (judge === null) return out;
  const nSlices = data.sliceNames.length;
  const nItems = data.itemStart.length - 1;
  const n = new Float64Array(nSlices);
  const sx = new Float64Array(nSlices);
  const sy = new Float64Array(nSlices);
  const sxx = new Float64Array(nSlices);
  const sxy = new Float64Array(nSlices);
  for (let i = 0; i < nItems; i++) {
    const x = judge[i]!;
    if (Number.isNaN(x)) continue;
    const s = data.itemSlice[i]!;
    for (let p = data.itemStart[i]!; p < data.itemStart[i + 1]!; p++) {
      const v = data.value[p]!;
      n[s]! += 1;
      sx[s]! += x;
      sy[s]! += v;
      sxx[s]! += x * x;
      sxy[s]! += x * v;
    }
  }
  const intercept = new Float64Array(nSlices);
  const slope = new Float64Array(nSlices);
  for (let s = 0; s < nSlices; s++) {
    const ns = n[s]!;
    if (ns === 0) continue;
    const varX = sxx[s]! - (sx[s]! * sx[s]!) / ns;
    slope[s] = ns >= 10 && varX > 1e-12 ? (sxy[s]! - (sx[s]! * sy[s]!) / ns) / varX : 0;
    intercept[s] = (sy[s]! - slope[s]! * sx[s]!) / ns;
  }
  for (let i = 0; i < nItems; i++) {
    const x = judge[i]!;
    if (Number.isNaN(x)) continue;
    const s = data.itemSlice[i]!;
    for (let p = data.itemStart[i]!; p < data.itemStart[i + 1]!; p++) out[p] = data.value[p]! - (intercept[s]! + slope[s]! * x);
  }
  return out;
}
