import { twoSidedP } from '../stats/normal.js';
import { permutationMoments } from './permutation-design.js';
import type { SkewData } from './skew-data.js';

export type GuidelineBasis = 'same_items' | 'same_labelers';

/** Labels under an older guideline version against the latest, on one slice. */
export interface GuidelineTest {
  readonly slice: number;
  /** The older version and the latest one (indices into versionNames). */
  readonly version: number;
  readonly against: number;
  readonly basis: GuidelineBasis;
  /** Mean difference old − latest in label units (positive: the old version was more lenient). */
  readonly effect: number;
  readonly se: number;
  /** Standard error of the effect under the permutation null (the yardstick of its impact). */
  readonly nullSe: number;
  readonly z: number;
  readonly pValue: number;
  /** Labels under the older version that entered the comparison. */
  readonly n: number;
}

/**
 * Per slice and older guideline version: its labels against the latest version's, paired. First on
 * the same labelers: each labeler's own old-version labels against their own latest-version labels on
 * the slice, so a labeler's leniency cancels (a lenient labeler who happened to work under the old
 * version cannot pass for a guideline shift; assumes the slice's items were alike before and after).
 * When those hold fewer than `minLabels` old-version labels (e.g. the relabeling was done by other
 * people), on the same items instead: items labeled under both versions, item difficulty cancelling.
 * Under "the version tag is exchangeable within a group" (a labeler, or an item) the tags are
 * shuffled within groups: the statistic is the sum of old-version labels, with exact permutation
 * mean and variance (permutation-design.ts), two-sided normal p. Effect: Σ w_g (mean_old − mean_latest)_g / Σ w_g with w_g = n_old·n_latest/n_g
 * (the Mantel–Haenszel weights, for which the centred statistic equals Σ w_g·d_g); its standard
 * error √(s²/Σ w_g) with s² the within-group variance pooled over groups.
 */
export function guidelineTests(data: SkewData, minLabels: number): GuidelineTest[] {
  const nVersions = data.versionNames.length;
  if (nVersions < 2) return [];
  const latest = nVersions - 1;
  const out: GuidelineTest[] = [];
  const nItems = data.itemStart.length - 1;
  for (let s = 0; s < data.sliceNames.length; s++) {
    for (let v = 0; v < latest; v++) {
      const paired: number[][] = [];
      const byLabeler = new Map<number, number[]>();
      for (let i = 0; i < nItems; i++) {
        if (data.itemSlice[i] !== s) continue;
        const ps: number[] = [];
        for (let p = data.itemStart[i]!; p < data.itemStart[i + 1]!; p++) if (data.version[p] === v || data.version[p] === latest) ps.push(p);
        if (bothVersions(data, ps, v)) paired.push(ps);
        for (const p of ps) push(byLabeler, data.labeler[p]!, p);
      }
      const within = [...byLabeler.values()].filter((ps) => bothVersions(data, ps, v));
      const oldIn = (groups: number[][]): number => groups.reduce((n, ps) => n + ps.filter((p) => data.version[p] === v).length, 0);
      const basis: GuidelineBasis = oldIn(within) >= minLabels || paired.length === 0 ? 'same_labelers' : 'same_items';
      const t = compareVersions(data, basis === 'same_labelers' ? within : paired, v);
      if (t === null || t.n < minLabels) continue;
      out.push({ slice: s, version: v, against: latest, basis, ...t });
    }
  }
  return out;
}

function push(map: Map<number, number[]>, key: number, p: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [p]);
  else list.push(p);
}

function bothVersions(data: SkewData, ps: readonly number[], v: number): boolean {
  let old = false;
  let other = false;
  for (const p of ps) {
    if (data.version[p] === v) old = true;
    else other = true;
  }
  return old && other;
}

function compareVersions(data: SkewData, groups: readonly number[][], v: number): Omit<GuidelineTest, 'slice' | 'version' | 'against' | 'basis'> | null {
  if (groups.length === 0) return null;
  const groupStart = new Int32Array(groups.length + 1);
  groups.forEach((ps, g) => (groupStart[g + 1] = groupStart[g]! + ps.length));
  const values = new Float64Array(groupStart[groups.length]!);
  const testA = new Int32Array(values.length);
  let w = 0;
  let within = 0;
  let df = 0;
  let n = 0;
  groups.forEach((ps, g) => {
    let n1 = 0;
    let s1 = 0;
    let q1 = 0;
    let s0 = 0;
    let q0 = 0;
    ps.forEach((p, k) => {
      const y = data.value[p]!;
      const old = data.version[p] === v;
      values[groupStart[g]! + k] = y;
      testA[groupStart[g]! + k] = old ? 0 : -1;
      if (old) {
        n1 += 1;
        s1 += y;
        q1 += y * y;
      } else {
        s0 += y;
        q0 += y * y;
      }
    });
    const n0 = ps.length - n1;
    const wg = (n1 * n0) / ps.length;
    const ss = q1 - (s1 * s1) / n1 + q0 - (s0 * s0) / n0;
    w += wg;
    within += ss;
    df += ps.length - 2;
    n += n1;
  });
  const moments = permutationMoments({ groupStart, values, groupWeight: new Float64Array(groups.length).fill(1), testA, testB: new Int32Array(values.length).fill(-1), nTests: 1 });
  const centered = moments.centered[0]!;
  const variance = moments.variance[0]!;
  const z = variance > 0 ? centered / Math.sqrt(variance) : 0;
  const nullSe = Math.sqrt(variance) / w;
  return { effect: centered / w, se: df > 0 ? Math.sqrt(within / df / w) : nullSe, nullSe, z, pValue: variance > 0 ? twoSidedP(z) : 1, n };
}
