import type { ProvenanceReport, SkewFlag } from '@touchstone/core/schemas';
import type { Line } from '../components/LineList.js';
import type { LabelerDetail } from '../data/labeler-detail.js';
import { intervalBar, symmetricDomain } from '../format/interval-bar.js';
import { fitCell } from '../format/layout-columns.js';
import { count, interval, pct, signed } from '../format/numbers.js';
import { resample, sparkline } from '../format/sparkline.js';
import { flagLine } from './skew-summary.js';

type LabelerRow = ProvenanceReport['labelers'][number];

/**
 * The labeler drill-in as lines: summary, `touchstone skew`'s flags (or why there are none yet),
 * guidelines, timeline, leniency by slice, fatigue, items that depend on them.
 */
export function labelerLines(l: LabelerRow, d: LabelerDetail, width: number, flags: readonly SkewFlag[] | 'loading' | null): Line[] {
  const lines: Line[] = [];
  const add = (key: string, text: string, tone?: Line['tone'], itemId?: string): void => {
    lines.push({ key, text, ...(tone === undefined ? {} : { tone }), ...(itemId === undefined ? {} : { itemId }) });
  };
  add('head', `${l.labeler_id} · ${count(l.n_labels)} labels · ${pct(l.share)} of items · ${pct(l.label_share)} of labels · ${count(l.n_sessions)} sessions`, 'title');
  add('span', `active ${l.first_labeled_at.slice(0, 10)} → ${l.last_labeled_at.slice(0, 10)} · ${count(l.n_superseded)} superseded labels`);
  if (flags === 'loading') add('skew', 'skew flags: computing…', 'muted');
  else if (flags !== null) {
    add('skew', flags.length === 0 ? 'skew: no flag (touchstone skew)' : `skew flags (${flags.length}, touchstone skew):`, flags.length === 0 ? 'good' : 'warn');
    flags.forEach((f, i) => add(`flag-${i}`, `  ${flagLine(f)}`, 'warn'));
  }
  add('guide', `guidelines  ${d.guidelines.map((g) => `${g.guideline_version ?? '(none)'} ${count(g.n_labels)} (${g.first_used} → ${g.last_used})`).join(' · ') || '–'}`);

  const spark = Math.max(8, Math.min(52, width - 28));
  const weeks = d.timeline;
  add('tl-h', 'Timeline (per week)', 'accent');
  if (weeks.length > 0) {
    add('tl-n', `  labels  ${sparkline(resample(weeks.map((w) => w.n), spark), [0, Math.max(...weeks.map((w) => w.n))])}  peak ${Math.max(...weeks.map((w) => w.n))}`);
    add('tl-d', `  diff    ${sparkline(resample(weeks.map((w) => w.mean_diff), spark))}  ${weeks[0]?.week ?? ''} … ${weeks[weeks.length - 1]?.week ?? ''}`);
  }

  add('len-h', `Leniency by slice: own label − co-labelers' mean (${d.unit}, 95% CI)`, 'accent');
  const domain = symmetricDomain(d.slices.flatMap((s) => [s.ci?.[0] ?? s.mean_diff, s.ci?.[1] ?? null]));
  const barWidth = Math.max(9, width - 56);
  add('len-cols', `  ${fitCell('slice', 18)} ${fitCell('n', 5, 'right')} ${fitCell('diff', 6, 'right')} ${fitCell('interval', 16)} ${fitCell(`${signed(domain[0], 1)} … 0 … ${signed(domain[1], 1)}`, barWidth)}`, 'muted');
  for (const s of d.slices) {
    const lenient = s.ci !== null && (s.ci[0] > 0 || s.ci[1] < 0);
    add(`len-${s.slice ?? ''}`, `  ${fitCell(s.slice ?? '(none)', 18)} ${fitCell(String(s.n_compared), 5, 'right')} ${fitCell(signed(s.mean_diff), 6, 'right')} ${fitCell(interval(s.ci), 16)} ${intervalBar(s.ci?.[0] ?? null, s.mean_diff, s.ci?.[1] ?? null, domain, barWidth)}`, lenient ? 'warn' : undefined);
  }

  add('fat-h', 'Fatigue: difference from co-labelers by position in session', 'accent');
  const f = d.fatigue;
  if (f.length === 0) add('fat-none', '  no session ids recorded', 'muted');
  else {
    add('fat-s', `  ${sparkline(f.map((b) => b.mean_diff))}  positions ${f[0]?.from ?? 1}–${f[0]?.to ?? 1}: ${signed(f[0]?.mean_diff ?? null)} → ${f[f.length - 1]?.from ?? 1}–${f[f.length - 1]?.to ?? 1}: ${signed(f[f.length - 1]?.mean_diff ?? null)}`);
    add('fat-t', `  ${f.map((b) => `${b.from === b.to ? b.from : `${b.from}–${b.to}`}: ${signed(b.mean_diff, 1)} (n ${b.n})`).join(' · ')}`, 'muted');
  }

  const dep = d.dependent;
  // Leave-one-out is dependence (what dropping them changes), not the bias impact of the flags above.
  add('dep-h', `Leave-one-out dependence on ${l.labeler_id}: dropping their labels changes pass/fail of ${count(dep.flipped)} items, ${count(dep.sole)} only they labeled (not their bias impact)`, 'accent');
  for (const item of dep.items) {
    const change = item.sole ? 'only labeler' : `${word(item.pass_with)} → ${word(item.pass_without)}`;
    add(`dep-${item.item_id}`, `  ${fitCell(item.item_id, 18)} ${fitCell(item.slice ?? '', 18)} ${change}`, undefined, item.item_id);
  }
  if (dep.items.length < dep.flipped + dep.sole) add('dep-more', `  … ${count(dep.flipped + dep.sole - dep.items.length)} more`, 'muted');
  return lines;
}

function word(pass: boolean | null): string {
  return pass === null ? 'tie' : pass ? 'pass' : 'fail';
}
