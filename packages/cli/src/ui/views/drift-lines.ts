import type { Line } from '../components/LineList.js';
import type { DriftPanel } from '../data/panels.js';
import { fitCell } from '../format/layout-columns.js';
import { interval, pct, signed } from '../format/numbers.js';
import { sparkline } from '../format/sparkline.js';
import { wrapText } from '../format/wrap-text.js';

/** "ALERT · 14 alerts · gold 47.2% vs shadow 66.4% (+19.2 pts)" — the drift headline of one report. */
export function driftHeadline(d: DriftPanel): string {
  const r = d.report;
  const p = r.pass_rate;
  const diff = p.diff === null ? '' : ` (shadow ${signed(-100 * p.diff, 1)} pts)`;
  return `${r.status === 'alert' ? `ALERT · ${r.alerts.length} alerts` : 'ok'} · judge passes shadow ${pct(p.shadow)} vs gold ${pct(p.gold)}${diff} · ${d.origin}`;
}

/** The pass-rate difference (gold − shadow, as drift reports it) over the drift-check history, oldest first. */
export function driftTrend(d: DriftPanel): string {
  const runs = [...d.runs].reverse();
  const diffs = runs.map((r) => r.pass_rate_diff);
  const first = runs[0]?.pass_rate_diff ?? null;
  const last = runs[runs.length - 1]?.pass_rate_diff ?? null;
  return diffs.length === 0 ? '' : `${sparkline(diffs)} gold − shadow over ${diffs.length} runs: ${signed(first === null ? null : 100 * first, 1)} → ${signed(last === null ? null : 100 * last, 1)} pts`;
}

/** The Drift screen as lines: headline, history, pass rate by slice, slice mix, coverage gaps with examples, stale gold, alerts. */
export function driftLines(d: DriftPanel, width: number): Line[] {
  const r = d.report;
  const lines: Line[] = [];
  const add = (key: string, text: string, tone?: Line['tone']): void => {
    lines.push({ key, text, ...(tone === undefined ? {} : { tone }) });
  };
  add('head', driftHeadline(d), r.status === 'alert' ? 'bad' : 'good');
  add('window', `window ${r.window.start.slice(0, 10)} → ${r.window.end.slice(0, 10)} · shadow set ${r.shadow_id}`);
  const p = r.pass_rate;
  add('rate', `judge pass rate (threshold ${p.threshold}${r.pass_rule === undefined ? '' : ` from the ${r.pass_rule.source}`}): gold ${pct(p.gold)} (n ${p.n_gold}) · shadow ${pct(p.shadow)} (n ${p.n_shadow}) · gold − shadow ${signed(p.diff)} ${interval(p.ci)}${p.corrected_shadow === null ? '' : ` · human-scale shadow ${pct(p.corrected_shadow.estimate)}`}`);
  add('hist-h', `History: ${d.runs.length} drift-check runs`, 'accent');
  if (d.runs.length > 0) {
    add('trend', `  ${driftTrend(d)}`);
    for (const run of d.runs.slice(0, 8)) add(`run-${run.run_id}`, `  #${run.run_id} ${run.window_end.slice(0, 10)} ${run.status === 'alert' ? 'ALERT' : 'ok   '} ${run.n_alerts} alerts · judge on gold ${pct(run.pass_rate_gold)} on shadow ${pct(run.pass_rate_shadow)} · uncovered ${pct(run.uncovered_share)}`, run.status === 'alert' ? 'warn' : undefined);
  }
  add('mix-h', `Slice mix: gold vs shadow${r.slice_mix === null ? '' : ` (PSI ${r.slice_mix.psi.toFixed(3)}, JS ${r.slice_mix.js_distance.toFixed(3)}, χ² p ${r.slice_mix.p_value.toExponential(1)})`}`, 'accent');
  const bar = Math.max(6, width - 52);
  for (const s of [...r.slices].sort((a, b) => Math.abs(b.shadow_share - b.gold_share) - Math.abs(a.shadow_share - a.gold_share))) {
    const shift = s.shadow_share - s.gold_share;
    add(`mix-${s.slice}`, `  ${fitCell(s.slice, 20)} gold ${fitCell(pct(s.gold_share), 6, 'right')} shadow ${fitCell(pct(s.shadow_share), 6, 'right')} ${fitCell(signed(100 * shift, 1), 6, 'right')} ${(shift >= 0 ? '+' : '−').repeat(Math.min(bar, Math.round(Math.abs(shift) * 4 * bar)))}`, Math.abs(shift) > 0.05 ? 'warn' : undefined);
  }
  add('gap-h', `Coverage gaps: ${r.coverage_gaps.length} clusters of production inputs with no close gold item${r.coverage === null ? '' : ` (${pct(r.coverage.uncovered_share)} of shadow uncovered)`}`, 'accent');
  r.coverage_gaps.forEach((g, i) => {
    add(`gap-${i}`, `  ${g.size} requests (${pct(g.share)})${g.top_slice === null ? '' : ` mostly ${g.top_slice}`}`);
    g.examples.slice(0, 3).forEach((e, k) => add(`gap-${i}-${k}`, `    “${wrapText(e, width - 10, 1)[0] ?? ''}”`, 'muted'));
  });
  const staleClusters = r.stale_content_clusters ?? [];
  add('stale-content-h', `Stale gold content: ${staleClusters.length} clusters of gold items with no close request in traffic${r.stale_content === null || r.stale_content === undefined ? '' : ` (${pct(r.stale_content.stale_share)} of the ${r.stale_content.gold_items} distinct gold items compared)`}`, 'accent');
  staleClusters.forEach((c, i) => {
    add(`stale-content-${i}`, `  ${c.size} gold items (${pct(c.share)})${c.top_slice === null ? '' : ` mostly ${c.top_slice}`}`);
    c.examples.slice(0, 3).forEach((e, k) => add(`stale-content-${i}-${k}`, `    “${wrapText(e, width - 10, 1)[0] ?? ''}”`, 'muted'));
  });
  add('stale-h', `Stale gold: ${r.stale_gold.length} slices with no traffic in the window`, 'accent');
  for (const s of r.stale_gold) add(`stale-${s.slice}`, `  ${s.slice}: ${s.gold_items} gold items (${pct(s.gold_share)}), last seen ${s.last_seen?.slice(0, 10) ?? 'never'}`);
  add('alerts-h', `Alerts (${r.alerts.length}) and warnings (${r.warnings.length})`, 'accent');
  // The q-value goes up front, where a long message cut at the screen's edge still shows it; the
  // message's own trailing "(q = 0.0057)" is dropped so it is not printed twice.
  for (const [i, a] of [...r.alerts, ...r.warnings].entries()) add(`alert-${i}`, `  ${i < r.alerts.length ? '!' : '~'} ${a.kind}${a.slice === null ? '' : ` ${a.slice}`} (q ${a.q_value.toExponential(1)}): ${a.message.replace(/ \(q = [^)]*\)$/, '')}`, i < r.alerts.length ? 'warn' : 'muted');
  for (const [i, n] of r.notes.entries()) add(`note-${i}`, `  note: ${n}`, 'muted');
  return lines;
}
