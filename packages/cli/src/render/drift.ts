import type { schemas } from '@touchstone/core';
import { pct } from '../ui/format/numbers.js';
import { humanScaleLines, passRateLine, qText } from './drift-format.js';
import { table } from './table.js';

/** The terminal rendering of a drift report. */
export function renderDrift(r: schemas.DriftReport): string {
  const out: string[] = [];
  out.push(`drift of shadow set ${r.shadow_id} against gold set "${r.gold_set}" — window ${r.window.start} … ${r.window.end}`);
  out.push(r.status === 'alert' ? `ALERT: ${r.alerts.length} finding${r.alerts.length === 1 ? '' : 's'} (q < ${r.thresholds['q'] ?? 0.05} and effect over its threshold)` : `OK: no test reached both q < ${r.thresholds['q'] ?? 0.05} and its effect threshold`);
  for (const a of r.alerts) out.push(`  ! [${a.kind}] ${a.message}`);
  for (const w of r.warnings) out.push(`  ~ [${w.kind}] ${w.message}`);
  out.push('');
  out.push(passRateLine(r));
  if (r.human_scale !== null && r.human_scale !== undefined) out.push(...humanScaleLines(r.human_scale));
  if (r.slices.length > 0) {
    out.push('');
    out.push(table(['slice', 'gold items', 'gold share', 'window requests', 'traffic share'], r.slices.slice(0, 30).map((s) => [s.slice, s.gold_items, pct(s.gold_share), s.window_requests, pct(s.shadow_share)])));
    if (r.slice_mix !== null) out.push(`slice mix: chi² ${r.slice_mix.chi2.toFixed(1)} (df ${r.slice_mix.df}), JS distance ${r.slice_mix.js_distance.toFixed(3)}, PSI ${r.slice_mix.psi.toFixed(3)}`);
  }
  for (const n of r.numeric) out.push(`${n.feature}: median gold ${n.gold_median} vs shadow ${n.shadow_median}; KS D ${n.ks_d.toFixed(3)} (p ${qText(n.p_value)}), Wasserstein ${n.wasserstein.toFixed(1)}, PSI ${n.psi.toFixed(3)}`);
  for (const m of r.metadata) out.push(`metadata ${m.key}: ${m.reference === 'gold' ? `${pct(m.unseen_share)} of traffic has values no gold item has (gold's own held-out turnover ${pct(m.turnover_share)})` : `${pct(m.unseen_share)} of traffic has values unseen before the window (usual turnover ${pct(m.turnover_share)}; gold carries no ${m.key})`}${m.mix === null ? '' : `; mix JS ${m.mix.js_distance.toFixed(3)}, PSI ${m.mix.psi.toFixed(3)}`}`);
  if (r.coverage !== null) {
    out.push(`coverage: ${pct(r.coverage.uncovered_share)} of traffic (weighted shadow set${r.coverage.n_effective === undefined ? '' : `, effective n ${r.coverage.n_effective.toFixed(0)}`}) has no gold item within ${r.coverage.representation === 'embedding' ? 'embedding' : 'text'} similarity ${r.coverage.similarity_threshold.toFixed(3)}; estimated ${pct(r.coverage.excess)} outside gold's coverage`);
    r.coverage_gaps.slice(0, 5).forEach((g, i) => {
      const meta = (g.top_metadata ?? []).filter((m) => m.share >= 0.5).map((m) => `${m.key}=${m.value} ${pct(m.share)}`).join(', ');
      out.push(`  gap ${i + 1}: ${pct(g.share)} of traffic (${g.size} sampled requests)${g.top_slice === null ? '' : `, mostly "${g.top_slice}"`}${meta === '' ? '' : `; ${meta}`}`);
      for (const e of g.examples) out.push(`    · ${e}`);
    });
  }
  if (r.stale_content !== null && r.stale_content !== undefined) {
    out.push(`stale gold content: ${pct(r.stale_content.stale_share)} of the ${r.stale_content.gold_items} distinct gold items compared have no shadow request within similarity ${r.stale_content.similarity_threshold.toFixed(3)}; estimated ${pct(r.stale_content.excess)} of gold unlike current traffic`);
    (r.stale_content_clusters ?? []).slice(0, 5).forEach((c, i) => {
      out.push(`  stale ${i + 1}: ${c.size} gold items (${pct(c.share)})${c.top_slice === null ? '' : `, mostly "${c.top_slice}"`}`);
      for (const e of c.examples) out.push(`    · ${e}`);
    });
  }
  for (const s of r.stale_gold) out.push(`stale gold: slice "${s.slice}" (${s.gold_items} items, ${pct(s.gold_share)}) had no traffic in the window${s.last_seen === null ? '' : `, last seen ${s.last_seen}`}`);
  if (r.notes.length > 0) {
    out.push('');
    for (const n of r.notes) out.push(`note: ${n}`);
  }
  return `${out.join('\n')}\n`;
}
