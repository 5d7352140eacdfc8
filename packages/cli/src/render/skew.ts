import type { schemas } from '@touchstone/core';
import { pct } from '../ui/format/numbers.js';
import { flagSubject, impactPhrase } from '../ui/views/skew-summary.js';
import { table } from './table.js';

type Report = schemas.SkewReport;
type Coef = { value: number | null; ci: [number, number] | null };

const num = (x: number | null | undefined, digits = 3): string => (x === null || x === undefined ? '-' : x.toFixed(digits));
const signed = (x: number, digits = 3): string => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;
const ci = (c: [number, number] | null, digits = 3): string => (c === null ? '' : ` [${c[0].toFixed(digits)}, ${c[1].toFixed(digits)}]`);
const coef = (c: Coef): string => `${num(c.value)}${ci(c.ci)}`;
const q = (x: number | null): string => (x === null ? '-' : x < 1e-4 ? x.toExponential(1) : x.toPrecision(2));

/** The human-readable skew report: headline, agreement, flags ranked by impact, then the labeler table. */
export function renderSkew(r: Report): string {
  const d = r.design;
  const out: string[] = [];
  out.push(`gold set "${r.gold_set}" — ${r.scale.kind} scale; ${d.items} items, ${d.labels} labels, ${d.labelers} labelers`);
  out.push(`comparison: ${d.comparison} (${pct(d.share_labels_with_peers)} of labels on items with another label${d.judge === null ? '' : `; judge ${d.judge}`})`);
  out.push(`  ${d.caveat}`);
  out.push('');
  const a = r.agreement;
  const parts = [`Krippendorff's alpha (${a.krippendorff_alpha.metric}) ${coef(a.krippendorff_alpha)}`];
  if (a.fleiss_kappa !== null) parts.push(`Fleiss' kappa ${coef(a.fleiss_kappa)}`);
  if (a.gwet !== null) parts.push(`Gwet's ${a.gwet.name} ${coef(a.gwet)}`);
  out.push(`agreement: ${parts.join('; ')}`);
  for (const s of a.per_slice) out.push(`  slice ${s.slice ?? '(none)'} (${s.n_items} items): alpha ${coef(s.krippendorff_alpha)}${s.gwet === null ? '' : `; ${s.gwet.name} ${coef(s.gwet)}`}`);
  if (a.pairwise_cohen !== null && a.pairwise_cohen.n_pairs > 0) {
    const worst = a.pairwise_cohen.pairs[0];
    out.push(`  pairwise Cohen's kappa (${a.pairwise_cohen.weights}): ${a.pairwise_cohen.n_pairs} pairs sharing ≥ ${a.pairwise_cohen.min_shared} items, median ${num(a.pairwise_cohen.median)}, lowest ${num(a.pairwise_cohen.min)}${worst === undefined ? '' : ` (${worst.a} vs ${worst.b}, ${worst.n_shared} items)`}`);
  }
  const c = r.consensus;
  out.push(`consensus: ${c.method}; gold pass rate ${c.pass_rate === null ? '-' : pct(c.pass_rate)}${c.undecided_items > 0 ? `, ${c.undecided_items} items without consensus` : ''}` +
    `${c.dawid_skene === null ? '' : `; Dawid-Skene pass rate ${pct(c.dawid_skene.pass_rate)} (${c.dawid_skene.converged ? 'converged' : 'not converged'} after ${c.dawid_skene.iterations} iterations)`}`);
  out.push(`concentration: largest ${r.concentration.largest_labeler ?? '-'} with ${pct(r.concentration.largest_share)} of items; Herfindahl ${r.concentration.herfindahl.toFixed(3)}`);
  out.push('');
  if (r.flags.length === 0) {
    out.push(`no labeler flagged (${r.method.n_tests} tests, false discovery rate ${r.method.fdr_alpha})`);
  } else {
    if (r.concentration.headline !== null) out.push(`HEADLINE: ${r.concentration.headline}`, '');
    out.push(`${r.flags.length} flag${r.flags.length === 1 ? '' : 's'}, ranked by impact relative to an unbiased labeler of the same volume (${r.method.n_tests} tests, false discovery rate ${r.method.fdr_alpha}):`);
    r.flags.slice(0, 30).forEach((f, k) => {
      const where = f.slice === null ? 'overall' : `slice "${f.slice}"`;
      const basis = f.basis === 'labels' ? '' : ` (${f.basis.replaceAll('_', ' ')})`;
      out.push(`${String(k + 1).padStart(3)}. ${flagSubject(f)} · ${where} · ${f.kind}${basis} ${signed(f.effect)}${ci(f.ci)} · q ${q(f.q_value)} · n ${f.n}`);
      out.push(`     ${impactPhrase(f.impact)}`);
      const relabel = f.kind === 'guideline_shift' ? `${f.impact.relabel_items.length} items only ever labeled under ${f.versions?.older ?? ''}, to relabel` : 'relabel';
      if (f.impact.relabel_items.length > 0) out.push(`     ${relabel}: ${f.impact.relabel_items.slice(0, 8).join(', ')}${f.impact.relabel_items.length > 8 ? ', …' : ''}`);
      out.push(`     rests on ${f.comparison}: ${f.caveat}`);
      out.push(`     → ${f.action}`);
    });
    if (r.flags.length > 30) out.push(`… ${r.flags.length - 30} more flags (use --json)`);
  }
  out.push('');
  out.push(table(
    ['labeler', 'labels', 'share', 'leniency', '95% CI', 'q', 'bias impact', 'unbiased ≤', 'flag'],
    r.labelers.slice(0, 40).map((l) => [l.labeler_id, l.n_labels, pct(l.share), l.leniency === null ? '-' : signed(l.leniency), ci(l.ci).trim() || '-', q(l.q_value),
      `${l.impact.flipped_items.toFixed(1)} flips ${signed(100 * l.impact.pass_rate_shift, 1)} pts`, l.impact.reference === null ? '-' : l.impact.reference.flipped_items_p95.toFixed(1), l.flagged ? (l.direction ?? 'yes') : '']),
  ));
  if (r.labelers.length > 40) out.push(`… ${r.labelers.length - 40} more labelers (use --json)`);
  out.push('bias impact: expected consensus labels that would flip, and the pass-rate move, had the labeler labeled without their estimated bias; unbiased ≤: the 95th percentile of flips for an unbiased labeler of the same volume');
  return `${out.join('\n')}\n`;
}
