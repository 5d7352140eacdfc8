import type { SkewFlag, SkewReport } from '@touchstone/core/schemas';
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

/** Flags ordered by impact: items whose pass/fail flips without the labeler, then |effect|. */
export function flagsByImpact(flags: readonly SkewFlag[]): SkewFlag[] {
  return [...flags].sort((x, y) => y.impact.flipped_items - x.impact.flipped_items || Math.abs(y.effect) - Math.abs(x.effect));
}

/** "dana.r lenient on hallucinated_policy +1.02 [+0.80, +1.24] q 0.0001 · flips 23 items" */
export function flagLine(f: SkewFlag): string {
  const where = f.slice === null ? '' : ` on ${f.slice}`;
  const what = f.kind === 'leniency' || f.kind === 'severity' ? f.direction : `${f.kind} (${f.direction})`;
  return `${f.labeler_id} ${what}${where} ${signed(f.effect)} ${interval(f.ci)} q ${qValue(f.q_value)} · flips ${f.impact.flipped_items} items`;
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
