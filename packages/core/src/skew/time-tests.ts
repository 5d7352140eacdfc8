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
 * Per labeler: drift of their residuals across calendar time and across guideline versions, and
 * fatigue — the trend of residuals against position within a session, stratified by session so
 * that differences between sessions do not masquerade as a within-session trend.
 * `residual` is NaN where a label is not compared (left out).
 */
export function timeTests(data: SkewData, residual: Float64Array, minLabels: number): TimeTest[] {
  const nLabelers = data.labelerIds.length;
  const byLabeler: number[][] = Array.from({ length: nLabelers }, () => []);
  for (let p = 0; p < residual.length; p++) if (!Number.isNaN(residual[p]!)) byLabeler[data.labeler[p]!]!.push(p);
  const out: TimeTest[] = [];
  byLabeler.forEach((positions, j) => {
    if (positions.length < minLabels) return;
    const r = positions.map((p) => residual[p]!);
    const days = positions.map((p) => data.time[p]! / DAY);
    const span = range(days);
    if (span > 0) out.push(result(j, 'drift', 'calendar', trendTest(days, r), span));

    const versioned = positions.filter((p) => data.version[p]! >= 0);
    const perVersion = new Map<number, number>();
    for (const p of versioned) perVersion.set(data.version[p]!, (perVersion.get(data.version[p]!) ?? 0) + 1);
    const versions = [...perVersion.entries()].filter(([, c]) => c >= 5).map(([v]) => v);
    if (versions.length >= 2) {
      const kept = versioned.filter((p) => versions.includes(data.version[p]!));
      const x = kept.map((p) => data.version[p]!);
      out.push(result(j, 'drift', 'guideline_version', trendTest(x, kept.map((p) => residual[p]!)), range(x)));
    }

    const sessionSize = new Map<number, number>();
    for (const p of positions) if (data.session[p]! >= 0) sessionSize.set(data.session[p]!, (sessionSize.get(data.session[p]!) ?? 0) + 1);
    const inSessions = positions.filter((p) => (sessionSize.get(data.session[p]!) ?? 0) >= 3);
    if (inSessions.length >= minLabels) {
      const sessions = new Map<number, number>();
      for (const p of inSessions) sessions.set(data.session[p]!, Math.max(sessions.get(data.session[p]!) ?? 0, data.position[p]!));
      const typical = [...sessions.values()].reduce((a, b) => a + b, 0) / sessions.size;
      const trend = trendTest(inSessions.map((p) => data.position[p]!), inSessions.map((p) => residual[p]!), inSessions.map((p) => data.session[p]!));
      out.push(result(j, 'fatigue', 'session_position', trend, typical - 1));
    }
  });
  return out;
}

function result(labeler: number, kind: 'drift' | 'fatigue', basis: TimeBasis, t: ReturnType<typeof trendTest>, span: number): TimeTest {
  const effect = t.slope * span;
  return { labeler, kind, basis, effect, se: t.z === 0 ? Number.NaN : Math.abs(effect / t.z), z: t.z, pValue: t.pValue, n: t.n };
}

/** max − min without spreading (a labeler may have hundreds of thousands of labels). */
function range(x: readonly number[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of x) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return x.length === 0 ? 0 : hi - lo;
}
