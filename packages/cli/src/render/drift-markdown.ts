import type { schemas } from '@touchstone/core';
import { pct, pts } from '../ui/format/numbers.js';
import { passRateLine, qText } from './drift-format.js';
import { mdCode, mdText } from './markdown-text.js';

/** A Markdown summary of a drift-check run, short enough for a chat message or a PR comment. */
export function renderDriftMarkdown(r: schemas.DriftCheckResult): string {
  const out: string[] = [];
  const icon = r.status === 'alert' ? '🔴' : '🟢';
  out.push(`## ${icon} drift-check: ${r.status === 'alert' ? `${r.alerts.length} alert${r.alerts.length === 1 ? '' : 's'}` : 'ok'} — gold set ${mdCode(r.gold_set)}`);
  out.push('');
  out.push(`Window ${r.window.start} … ${r.window.end}; shadow set ${mdCode(r.shadow_id)} (${r.shadow_set.n_items} requests of ${r.shadow_set.n_window}); run #${r.run_id}.`);
  out.push('');
  out.push(`- ${passRateLine(r)}`);
  if (r.coverage !== null) out.push(`- coverage: ${pct(r.coverage.uncovered_share)} of shadow traffic has no close gold item (≈ ${pct(r.coverage.excess)} outside gold's coverage)`);
  if (r.alerts.length > 0) {
    out.push('');
    out.push('| kind | slice | effect | q | finding |');
    out.push('| --- | --- | --- | --- | --- |');
    for (const a of r.alerts) out.push(`| ${a.kind} | ${mdText(a.slice ?? '')} | ${a.effect_name} ${a.effect.toFixed(3)} | ${qText(a.q_value)} | ${mdText(a.message)} |`);
  }
  if (r.coverage_gaps.length > 0) {
    out.push('');
    out.push('**Coverage gaps** (shadow requests with no close gold item):');
    r.coverage_gaps.slice(0, 3).forEach((g, i) => out.push(`${i + 1}. ${pct(g.share)} of traffic (${g.size} sampled requests)${g.top_slice === null ? '' : `, mostly ${mdCode(g.top_slice)}`}: ${g.examples.map((e) => `“${mdText(e)}”`).join('; ')}`));
  }
  const stale = r.stale_content_clusters ?? [];
  if (stale.length > 0) {
    out.push('');
    out.push('**Stale gold** (gold items with no close shadow request):');
    stale.slice(0, 3).forEach((c, i) => out.push(`${i + 1}. ${c.size} gold items (${pct(c.share)})${c.top_slice === null ? '' : `, mostly ${mdCode(c.top_slice)}`}: ${c.examples.map((e) => `“${mdText(e)}”`).join('; ')}`));
  }
  if (r.stale_gold.length > 0) {
    out.push('');
    out.push(`**Stale gold slices** (no traffic in the window): ${r.stale_gold.map((s) => `${mdCode(s.slice)} (${s.gold_items} items)`).join(', ')}`);
  }
  if (r.history.length > 1) {
    out.push('');
    out.push(`Trend (newest first): ${r.history.map((h) => `#${h.run_id} ${h.status}${h.pass_rate_diff === null ? '' : ` ${pts(h.pass_rate_diff)}`}`).join(' · ')}`);
  }
  return `${out.join('\n')}\n`;
}
