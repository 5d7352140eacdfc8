import type { SkewData } from './skew-data.js';
import { trendTest } from './trend-test.js';

export type TimeBasis = 'calendar' | 'guideline_version' | 'session_position';

export interface TimeTest {
  readonly labeler: number;
  readonly kind: 'drift' | 'fatigue';
  readonly basis: TimeBasis;
  /** Change in label units across the labeler's span (calendar: first to last label; version: first to
   *  last version; session: first to last decision of an average session). */
  readonly effect: number;
  readonly se: number;
  readonly z: number;
  readonly pValue: number;
  readonly n: number;
}

const DAY = 86_400_000;

/**
 * Per labeler: drift of their residuals across calendar time and across guideline versions (each
 * version used for at least 5 of their labels), and fatigue — the trend of residuals against
 * position within a session (sessions with at least 3 compared labels), stratified by session so
 * that differences between sessions do not masquerade as a within-session trend. `residual` is NaN
 * where a label is not compared (left out).
 */
export function timeTests(data: SkewData, residual: Float64Array, minLabels: number): TimeTest[] {
  const nLabelers = data.labelerIds.length;
  const start = new Int32Array(nLabelers + 1);
  for (let p = 0; p < residual.length; p++) if (!Number.isNaN(residual[p]!)) start[data.labeler[p]! + 1]! += 1;
  for (let j = 0; j < nLabelers; j++) start[j + 1]! += start[j]!;
  const byLabeler = new Int32Array(start[nLabelers]!);
  const fill = Int32Array.from(start.subarray(0, nLabelers));
  for (let p = 0; p < residual.length; p++) if (!Number.isNaN(residual[p]!)) byLabeler[fill[data.labeler[p]!]!++] = p;
  const sessionSize = new Int32Array(sessionCount(data));
  for (const p of byLabeler) if (data.session[p]! >= 0) sessionSize[data.session[p]!]! += 1;
  const versionCount = new Int32Array(data.versionNames.length);

  const out: TimeTest[] = [];
  for (let j = 0; j < nLabelers; j++) {
    const mine = byLabeler.subarray(start[j]!, start[j + 1]!);
    if (mine.length < minLabels) continue;
    const r = Float64Array.from(mine, (p) => residual[p]!);
    const days = Float64Array.from(mine, (p) => data.time[p]! / DAY);
    const span = range(days);
    if (span > 0) out.push(result(j, 'drift', 'calendar', trendTest(days, r), span));

    versionCount.fill(0);
    for (const p of mine) if (data.version[p]! >= 0) versionCount[data.version[p]!]! += 1;
    let versions = 0;
    for (const c of versionCount) if (c >= 5) versions += 1;
    if (versions >= 2) {
      const kept = mine.filter((p) => data.version[p]! >= 0 && versionCount[data.version[p]!]! >= 5);
      const x = Float64Array.from(kept, (p) => data.version[p]!);
      out.push(result(j, 'drift', 'guideline_version', trendTest(x, Float64Array.from(kept, (p) => residual[p]!)), range(x)));
    }

    const inSessions = mine.filter((p) => data.session[p]! >= 0 && sessionSize[data.session[p]!]! >= 3);
    if (inSessions.length >= minLabels) {
      const longest = new Map<number, number>();
      for (const p of inSessions) longest.set(data.session[p]!, Math.max(longest.get(data.session[p]!) ?? 0, data.position[p]!));
      let typical = 0;
      for (const v of longest.values()) typical += v / longest.size;
      const trend = trendTest(Float64Array.from(inSessions, (p) => data.position[p]!), Float64Array.from(inSessions, (p) => residual[p]!), Float64Array.from(inSessions, (p) => data.session[p]!));
      out.push(result(j, 'fatigue', 'session_position', trend, typical - 1));
    }
  }
  return out;
}

function sessionCount(data: SkewData): number {
  let max = -1;
  for (const s of data.session) if (s > max) max = s;
  return max + 1;
}

function result(labeler: number, kind: 'drift' | 'fatigue', basis: TimeBasis, t: ReturnType<typeof trendTest>, span: number): TimeTest {
  const effect = t.slope * span;
  return { labeler, kind, basis, effect, se: t.z === 0 ? Number.NaN : Math.abs(effect / t.z), z: t.z, pValue: t.pValue, n: t.n };
}

/** max − min without spreading (a labeler may have hundreds of thousands of labels). */
function range(x: ArrayLike<number>): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return x.length === 0 ? 0 : hi - lo;
}
