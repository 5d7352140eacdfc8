import type { SkewFlag, SkewImpact, SkewReport } from '@touchstone/core/schemas';
import { interval, signed } from '../format/numbers.js';

/** "α 0.62 [0.58, 0.66] ordinal · Fleiss κ 0.41 · Gwet AC2 0.70" — the agreement headline. */
export function agreementLine(r: SkewReport): string {
  const a = r.agreement;
  const alpha = a.krippendorff_alpha;
  const parts = [`Krippendorff α ${fixed(alpha.value)} ${ci(alpha.ci)} (${alpha.metric})`];
  if (a.fleiss_kappa !== null) parts.push(`Fleiss κ ${fixed(a.fleiss_kappa.value)}`);
  if (a.gwet !== null) parts.push(`Gwet ${a.gwet.name} ${fixed(a.gwet.value)}`);
  return `${parts.join(' · ')} over ${a.n_items} items`;
}

/** Flags ordered by bias impact: expected items whose pass/fail flips once the bias is removed, then |effect|. */
export function flagsByImpact(flags: readonly SkewFlag[]): SkewFlag[] {
  return [...flags].sort((x, y) => y.impact.flipped_items - x.impact.flipped_items || Math.abs(y.effect) - Math.abs(x.effect));
}

/** "dana.r lenient on hallucinated_policy +1.02 [+0.80, +1.24] q 0.0001 · bias impact 9.3 flips, pass rate −0.5 pts (unbiased ≤ 1.2 flips)" */
export function flagLine(f: SkewFlag): string {
  const where = f.slice === null ? '' : ` on ${f.slice}`;
  const what = f.kind === 'leniency' || f.kind === 'severity' ? f.direction : `${f.kind} (${f.direction})`;
  return `${flagSubject(f)} ${what}${where} ${signed(f.effect)} ${interval(f.ci)} q ${qValue(f.q_value)} · ${impactPhrase(f.impact)}`;
}

/** Who a flag is about: its labeler, or for a guideline shift the two versions compared. */
export function flagSubject(f: SkewFlag): string {
  return f.labeler_id ?? `guideline ${f.versions?.older ?? '?'} vs ${f.versions?.latest ?? '?'}`;
}

/**
 * The counterfactual impact, one name everywhere: "bias impact 9.3 flips, pass rate −0.5 pts
 * (unbiased ≤ 1.2 flips; 7.8× that)" — items whose consensus would flip had the labels been made without the
 * bias, and the 95th percentile of the same for an unbiased labeler of the same volume.
 */
export function impactPhrase(i: SkewImpact): string {
  const pts = 100 * i.pass_rate_shift;
  const reference = i.reference === null ? '' : ` (unbiased ≤ ${i.reference.flipped_items_p95.toFixed(1)} flips; ${(i.times_reference ?? 0).toFixed(1)}× that)`;
  return `bias impact ${i.flipped_items.toFixed(1)} flips, pass rate ${pts >= 0 ? '+' : '−'}${Math.abs(pts).toFixed(1)} pts${reference}`;
}

export function qValue(q: number): string {
  return q < 0.001 ? q.toExponential(0) : q.toFixed(3);
}

function fixed(x: number | null): string {
  return x === null ? '–' : x.toFixed(2);
}

function ci(c: readonly [number, number] | null): string {
  return c === null ? '' : `[${c[0].toFixed(2)}, ${c[1].toFixed(2)}]`;
}
