import type { SkewFlag, SkewReport } from '../skew/skew-report.js';
import type { CheckOutcome } from './check-integrity.js';
import type { GuardFailure } from './guard-result.js';

export interface ImpactThresholds {
  readonly flippedShare: number;
  readonly passRateShift: number;
}

type Reached = 'flipped_share' | 'pass_rate_shift';

/** Which thresholds a flag's counterfactual impact reaches (≥), on a gold set of `items` items. */
export function impactReached(flag: SkewFlag, items: number, t: ImpactThresholds): Reached[] {
  const share = items === 0 ? 0 : flag.impact.flipped_items / items;
  const reached: Reached[] = [];
  if (share >= t.flippedShare) reached.push('flipped_share');
  if (Math.abs(flag.impact.pass_rate_shift) >= t.passRateShift) reached.push('pass_rate_shift');
  return reached;
}

const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const points = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)} points`;

/**
 * Fails for each labeler with a skew flag (leniency, severity, drift or fatigue, after
 * Benjamini–Hochberg) whose counterfactual impact reaches a threshold: had the labeler labeled
 * without their estimated bias, that many consensus labels would flip or the pass rate would move
 * that far. One failure per labeler, described by their highest-ranked flag (skew ranks flags by
 * impact relative to an unbiased labeler of their volume). Flagged labelers below both thresholds are named in the summary but pass: a significant
 * but harmless bias does not stop a pipeline. Guideline-shift flags name no labeler and are not checked here.
 */
export function checkLabelerImpact(report: SkewReport, t: ImpactThresholds): CheckOutcome {
  const items = report.design.items;
  const failures: GuardFailure[] = [];
  const seen = new Set<string>();
  const below = new Set<string>();
  for (const flag of report.flags) {
    if (flag.labeler_id === null) continue;
    const reached = impactReached(flag, items, t);
    if (reached.length === 0) {
      below.add(flag.labeler_id);
      continue;
    }
    if (seen.has(flag.labeler_id)) continue;
    seen.add(flag.labeler_id);
    const kinds = [...new Set(report.flags.filter((f) => f.labeler_id === flag.labeler_id && impactReached(f, items, t).length > 0).map((f) => f.kind))];
    const i = flag.impact;
    const ref = i.reference === null ? '' : `; an unbiased labeler of their volume: ≤ ${i.reference.flipped_items_p95.toFixed(1)} flips, ${points(i.reference.pass_rate_shift_p95)} in 95% of cases`;
    failures.push({
      check: 'labeler_impact',
      message:
        `labeler "${flag.labeler_id}" is flagged ${kinds.join(' and ')} (${flag.direction}${flag.slice === null ? '' : ` on slice "${flag.slice}"`}, effect ${signed(flag.effect)}, q = ${flag.q_value.toPrecision(2)}) ` +
        `and moves the gold: corrected for their bias, ${i.flipped_items.toFixed(1)} of ${items} items (${pct(items === 0 ? 0 : i.flipped_items / items)}) would flip and the pass rate would move ${points(i.pass_rate_shift)}${ref} ` +
        `(limits: ${pct(t.flippedShare)} of items, ${(100 * t.passRateShift).toFixed(1)} points); re-score without them: ${flag.action}`,
      details: {
        labeler_id: flag.labeler_id,
        slice: flag.slice,
        kind: flag.kind,
        kinds,
        direction: flag.direction,
        effect: flag.effect,
        q_value: flag.q_value,
        flipped_items: i.flipped_items,
        flipped_share: items === 0 ? 0 : i.flipped_items / items,
        pass_rate_shift: i.pass_rate_shift,
        reference: i.reference === null ? null : { flipped_items_p95: i.reference.flipped_items_p95, pass_rate_shift_p95: i.reference.pass_rate_shift_p95 },
        reached,
        relabel_items: i.relabel_items,
        action: flag.action,
      },
    });
  }
  for (const id of seen) below.delete(id);
  const quiet = below.size === 0 ? '' : `; flagged below the impact limits: ${[...below].join(', ')}`;
  const summary = failures.length > 0
    ? `${failures.length} flagged labeler(s) reach the impact limits: ${[...seen].join(', ')}${quiet}`
    : report.flags.length === 0
      ? `no labeler flagged among ${report.labelers.length} (agreement α = ${report.agreement.krippendorff_alpha.value?.toFixed(3) ?? 'n/a'})`
      : `no flagged labeler reaches the impact limits${quiet}`;
  return { check: { check: 'labeler_impact', status: failures.length > 0 ? 'fail' : 'pass', summary }, failures };
}
