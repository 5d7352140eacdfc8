import type { schemas } from '@touchstone/core';
import { pct, pts } from '../ui/format/numbers.js';

export function qText(q: number): string {
  return q < 1e-4 ? q.toExponential(1) : q.toFixed(4);
}

/** One line per pass-rate fact, shared by the terminal, Markdown and Slack renderings. */
export function passRateLine(r: schemas.DriftReport): string {
  const p = r.pass_rate;
  if (p.gold === null || p.shadow === null) return 'pass rate: not comparable (see notes)';
  const ci = p.ci === null ? '' : ` (95% CI ${pts(p.ci[0])} … ${pts(p.ci[1])})`;
  const corrected = p.corrected_shadow === null ? '' : `; judge-error-corrected shadow ${pct(p.corrected_shadow.estimate)} [${pct(p.corrected_shadow.ci[0])}, ${pct(p.corrected_shadow.ci[1])}] via ${p.corrected_shadow.judge}`;
  return `pass rate: gold ${pct(p.gold)} (n=${p.n_gold}) vs shadow ${pct(p.shadow)} (n=${p.n_shadow}, judge ≥ ${p.threshold}): gold − shadow ${pts(p.diff)}${ci}${corrected}`;
}
