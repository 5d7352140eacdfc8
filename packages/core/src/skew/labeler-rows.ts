import type { DawidSkeneSummary } from './dawid-skene-summary.js';
import { confidenceInterval, leaveOneOutJson, type RawTest } from './findings.js';
import type { Impact } from './leave-one-out.js';
import type { LeniencyTest } from './leniency-tests.js';
import type { SkewData } from './skew-data.js';
import type { SkewFlag, SkewImpact, SkewLabeler } from './skew-report.js';

/** One row per labeler: counts, share, overall leniency test, flagged, counterfactual impact, leave-one-out, Dawid–Skene. Largest share first. */
export function labelerRows(
  data: SkewData,
  leniency: readonly LeniencyTest[],
  tests: readonly RawTest[],
  q: readonly number[],
  flags: readonly SkewFlag[],
  byLabeler: readonly Int32Array[],
  impactOf: (labeler: number) => SkewImpact,
  impactBySlice: (labeler: number) => SkewLabeler['impact_by_slice'],
  leaveOneOut: (labeler: number) => Impact,
  ds: DawidSkeneSummary | null,
): SkewLabeler[] {
  const nItems = data.itemStart.length - 1;
  const flagged = new Set(flags.map((f) => f.labeler_id));
  const overall = new Map<number, number>();
  leniency.forEach((t, k) => {
    if (t.cell.slice < 0) overall.set(t.cell.labeler, k);
  });
  const rows = data.labelerIds.map((id, j): SkewLabeler => {
    const k = overall.get(j);
    const t = k === undefined ? undefined : leniency[k];
    const nLabels = byLabeler[j]!.length;
    return {
      labeler_id: id,
      n_labels: nLabels,
      share: nItems === 0 ? 0 : nLabels / nItems,
      label_share: data.value.length === 0 ? 0 : nLabels / data.value.length,
      n_compared: t?.n ?? 0,
      leniency: t === undefined ? null : t.effect,
      ci: t === undefined ? null : confidenceInterval(t.effect, t.se),
      p_value: t === undefined ? null : t.pValue,
      p_permutation: t?.pPermutation ?? null,
      q_value: k === undefined || tests[k] === undefined ? null : q[k]!,
      flagged: flagged.has(id),
      direction: t === undefined || t.effect === 0 ? null : t.effect > 0 ? 'lenient' : 'severe',
      impact: impactOf(j),
      impact_by_slice: impactBySlice(j),
      leave_one_out: leaveOneOutJson(leaveOneOut(j)),
      dawid_skene: ds?.labelers[j] ?? null,
    };
  });
  return rows.sort((a, b) => b.share - a.share || (a.labeler_id < b.labeler_id ? -1 : 1));
}
