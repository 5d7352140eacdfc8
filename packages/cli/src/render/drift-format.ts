import type { schemas } from '@touchstone/core';
import { pct, pts } from '../ui/format/numbers.js';

export function qText(q: number): string {
  return q < 1e-4 ? q.toExponential(1) : q.toFixed(4);
}

/**
 * One line per pass-rate fact, shared by the terminal, Markdown and Slack renderings: the judge on both
 * sides, the change stated as shadow − gold with its interval in the same direction.
 */
export function passRateLine(r: schemas.DriftReport): string {
  const p = r.pass_rate;
  const rule = r.pass_rule === undefined ? `judge ≥ ${p.threshold}` : `${r.pass_rule.description} (from the ${r.pass_rule.source})`;
  const human = p.gold_human === null || p.gold_human === undefined ? '' : `; humans pass ${pct(p.gold_human)} of gold`;
  if (p.gold === null || p.shadow === null) return `pass rate: not compared (see notes); ${rule}${human}`;
  const ci = p.ci === null ? '' : ` (95% CI ${pts(-p.ci[1])} … ${pts(-p.ci[0])})`;
  const corrected = p.corrected_shadow === null ? '' : `; human-scale estimate of shadow ${pct(p.corrected_shadow.estimate)} [${pct(p.corrected_shadow.ci[0])}, ${pct(p.corrected_shadow.ci[1])}]`;
  return `pass rate, judge on both sides: shadow ${pct(p.shadow)} (n=${p.n_shadow}) vs gold ${pct(p.gold)} (n=${p.n_gold}): shadow ${pts(p.diff === null ? null : -p.diff)}${ci}; ${rule}${human}${corrected}`;
}

const NAMES = { rogan_gladen: 'Rogan–Gladen', ppi_plus_plus: 'PPI++' } as const;

/** The human-scale estimates: recommended and sensitivity, what each assumes, per slice with the assumption test. */
export function humanScaleLines(h: schemas.HumanScale): string[] {
  const est = (e: { estimate: number; ci: [number, number] } | null, error: string | null): string => (e === null ? `– (${error ?? 'undefined'})` : `${pct(e.estimate)} [${pct(e.ci[0])}, ${pct(e.ci[1])}]`);
  const out = [`human-scale pass rate of traffic (${h.stratified ? 'stratified by slice' : 'pooled'}; judge "${h.judge}" calibrated on ${h.n_calibration} gold pairs; ${Math.round(100 * h.confidence)}% intervals):`];
  const order = h.recommended === 'ppi_plus_plus' ? (['ppi_plus_plus', 'rogan_gladen'] as const) : (['rogan_gladen', 'ppi_plus_plus'] as const);
  order.forEach((k, i) => out.push(`  ${i === 0 && h.recommended !== null ? 'recommended' : 'sensitivity'}  ${NAMES[k].padEnd(13)}${est(h.overall[k], h.overall[`${k}_error`])}`));
  out.push(`  why: ${h.recommendation}`);
  out.push(`  assumes: ${h.assumptions.rogan_gladen}`, `  assumes: ${h.assumptions.ppi_plus_plus}`);
  for (const s of h.by_slice) {
    const shift = s.judge_score_shift === null ? 'score shift untested' : `judge score mean ${s.judge_score_shift.gold_mean.toFixed(2)} on gold vs ${s.judge_score_shift.traffic_mean.toFixed(2)} on traffic (p ${qText(s.judge_score_shift.p_value)})`;
    out.push(`  slice "${s.slice}" (${pct(s.traffic_share)} of traffic): judge ${s.judge_rate === null ? '–' : pct(s.judge_rate)}; Rogan–Gladen ${est(s.rogan_gladen, s.rogan_gladen_error)}; PPI++ ${est(s.ppi_plus_plus, s.ppi_plus_plus_error)}; ${shift}`);
  }
  return out;
}
