import type { schemas } from '@touchstone/core';

type Metric = schemas.RunMetric;
type SliceDiff = schemas.SliceDiff;

/** A rate (pass/fail: percent) or a mean score, for tables. */
export function fmtLevel(metric: Metric, v: number): string {
  return metric === 'pass' ? `${(100 * v).toFixed(1)}%` : v.toFixed(3);
}

/** A delta (or tolerance, MDE) in display units: points of pass rate, or score units; signed with a real minus. */
export function fmtDelta(metric: Metric, v: number, signed = true): string {
  const x = metric === 'pass' ? 100 * v : v;
  const text = Math.abs(x).toFixed(metric === 'pass' ? 1 : 3);
  if (!signed) return text;
  if (Number(text) === 0) return text;
  return `${x < 0 ? '−' : '+'}${text}`;
}

export function fmtCi(metric: Metric, s: SliceDiff): string {
  return `${fmtDelta(metric, s.ci_low)} … ${fmtDelta(metric, s.ci_high)}`;
}

/** The q-value of the direction the delta points to (the regression side when Δ < 0). */
export function qOf(s: SliceDiff): number {
  if (s.verdict === 'regression') return s.q_regression;
  if (s.verdict === 'improvement') return s.q_improvement;
  return s.delta < 0 ? s.q_regression : s.q_improvement;
}

export function fmtQ(q: number): string {
  if (q < 0.001) return '<0.001';
  return q >= 0.1 ? q.toFixed(2) : q.toFixed(3);
}

export function fmtMde(metric: Metric, s: SliceDiff): string {
  return s.mde === null ? '–' : fmtDelta(metric, s.mde, false);
}

export function unitName(metric: Metric): string {
  return metric === 'pass' ? 'pts' : 'score units';
}

export function sliceName(s: SliceDiff): string {
  return s.slice ?? 'overall';
}

/** One line on how the runs were compared. */
export function methodLine(r: schemas.DiffReport): string {
  const tol = r.overall.tolerance;
  const perSlice = r.slices.some((s) => s.tolerance !== tol) ? ' (per-slice tolerances from the config)' : '';
  return `${r.metric === 'pass' ? 'pass rate' : 'mean score'} on ${r.paired} paired items · ${r.method.regression_test} · BH q ≤ ${r.alpha} over ${r.method.family_size} tests · tolerance ${fmtDelta(r.metric, tol, false)} ${unitName(r.metric)}${perSlice}`;
}

export function headline(r: schemas.DiffReport): string {
  if (r.verdict === 'regression') {
    const n = r.regressions.length;
    return `REGRESSION on ${n} ${n === 1 ? 'slice' : 'slices'}: ${r.regressions.join(', ')}`;
  }
  return r.verdict === 'improvement' ? 'no regression (improvement detected)' : 'no regression';
}
