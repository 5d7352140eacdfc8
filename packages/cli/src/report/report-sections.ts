import type { AuditDocument } from '../ui/data/audit-document.js';
import { describeScale } from '../ui/format/describe-scale.js';
import { count, interval, pct, signed } from '../ui/format/numbers.js';
import { flagSubject, flagsByImpact, impactPhrase, qValue } from '../ui/views/skew-summary.js';
import { escapeHtml as e } from './escape-html.js';
import type { ChartResult } from './report-charts.js';

/** A chart's inline SVG, or a plain line saying which command gives it data. */
export function figure(chart: ChartResult, caption: string): string {
  if ('svg' in chart) return `<figure class="figure" aria-label="${e(caption)}">${chart.svg}</figure>`;
  return `<p class="na">not available: run ${e(chart.unavailable)}</p>`;
}

export function table(head: readonly string[], rows: readonly (readonly (string | number)[])[], numeric: readonly number[] = []): string {
  const cell = (tag: string, v: string | number, i: number): string => `<${tag}${numeric.includes(i) ? ' class="num"' : ''}>${e(v)}</${tag}>`;
  return `<table><thead><tr>${head.map((h, i) => cell('th', h, i)).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((v, i) => cell('td', v, i)).join('')}</tr>`).join('')}</tbody></table>`;
}

export function summarySection(doc: AuditDocument): string {
  const p = doc.provenance;
  const v = doc.verify;
  const items: [string, string][] = [
    ['Scale', describeScale(doc.scale)],
    ['Items', `${count(p.items.total)} (${count(p.items.single_labeled)} single-labeled, ${pct(p.items.single_labeled / Math.max(1, p.items.total))})`],
    ['Labels', `${count(p.labels.current)} current, ${count(p.labels.superseded)} superseded`],
    ['Labelers', `${p.labelers.length}; largest ${p.concentration.largest_labeler ?? '–'} with ${pct(p.concentration.largest_share)} of items; Herfindahl ${p.concentration.herfindahl.toFixed(3)}`],
    ['Guidelines', p.guidelines.latest === null ? 'none recorded' : `${p.guidelines.versions.map((g) => `${g.version} (${count(g.n_labels)})`).join(', ')}; ${count(p.guidelines.items_only_outdated)} items never labeled under ${p.guidelines.latest}`],
    ['Import batches', p.batches.map((b) => `#${b.batch_id} ${b.source_file} by ${b.actor}`).join('; ')],
  ];
  const integrity = v.intact
    ? `<span class="ok">intact</span>: ${count(v.batches_checked)} batches and ${count(v.rows_checked.labels)} labels recompute; head <code>${e(v.head_hash.slice(0, 16))}</code>`
    : `<span class="bad">TAMPERED</span>: ${v.findings.length} findings; first: ${e(v.findings[0]?.message ?? '')}`;
  return `<section><h2>Gold set</h2><dl>${items.map(([k, val]) => `<dt>${e(k)}</dt><dd>${e(val)}</dd>`).join('')}<dt>Integrity</dt><dd>${integrity}</dd></dl></section>`;
}

export function labelersSection(doc: AuditDocument, shares: ChartResult, leniency: ChartResult): string {
  const skew = doc.skew.available ? doc.skew.value : null;
  const byId = new Map((skew?.labelers ?? []).map((l) => [l.labeler_id, l]));
  const rows = doc.provenance.labelers.map((l) => {
    const s = byId.get(l.labeler_id);
    return [l.labeler_id, l.n_labels, pct(l.share), l.n_sessions, l.first_labeled_at.slice(0, 10), l.last_labeled_at.slice(0, 10), l.guideline_versions.join(', '), s === undefined ? '–' : `${signed(s.leniency)} ${interval(s.ci)}`, s?.flagged === true ? (s.direction ?? 'flagged') : ''];
  });
  const flags = skew === null ? '' : flagsByImpact(skew.flags).map((f) => [flagSubject(f), f.kind, f.slice ?? 'all', `${signed(f.effect)} ${interval(f.ci)}`, qValue(f.q_value), impactPhrase(f.impact), f.action]);
  const agreement = skew === null ? '' : `<p>Krippendorff's α ${e(skew.agreement.krippendorff_alpha.value?.toFixed(3) ?? '–')} ${e(skew.agreement.krippendorff_alpha.ci === null ? '' : `[${skew.agreement.krippendorff_alpha.ci[0].toFixed(3)}, ${skew.agreement.krippendorff_alpha.ci[1].toFixed(3)}]`)} over ${count(skew.agreement.n_items)} items. Leniency: ${e(skew.design.caveat)}.</p>`;
  return `<section><h2>Labelers</h2>${figure(shares, 'labeler shares of items')}
${table(['labeler', 'labels', 'share', 'sessions', 'first', 'last', 'guidelines', 'leniency [95% CI]', 'flag'], rows, [1, 2, 3])}</section>
<section><h2>Labeler leniency</h2>${agreement}${figure(leniency, 'labeler leniency with intervals')}
${flags === '' || flags.length === 0 ? '' : table(['labeler', 'kind', 'slice', 'effect [CI]', 'q', 'bias impact (had the labels been made without the bias)', 'to re-score without them'], flags, [4])}</section>`;
}

export function judgeSection(doc: AuditDocument, bands: ChartResult): string {
  if (!doc.judge.available) return `<section><h2>Judge calibration</h2>${figure(bands, '')}</section>`;
  const j = doc.judge.value;
  const c = j.calibration;
  const rows = [...c.bands.map((b) => ['judge score', b] as const), ...c.bands_by_human.map((b) => ['human score', b] as const)].map(([view, b]) => [view, b.band, b.n, pct(b.agreement), b.ci === null ? '' : `[${pct(b.ci[0])}, ${pct(b.ci[1])}]`, signed(b.bias), b.verdict]);
  return `<section><h2>Judge calibration: ${e(j.judge)}</h2><p>${count(c.n_pairs)} pairs; aggregate agreement ${e(pct(c.headline.aggregate_agreement))}${c.headline.worst_band === null ? '' : `, worst band ${e(c.headline.worst_band.band)} (${e(c.headline.worst_band.view)}) ${e(pct(c.headline.worst_band.agreement))}`}; target ${e(pct(c.target, 0))}.</p>
${figure(bands, 'per-band judge agreement with intervals')}${table(['view', 'band', 'n', 'agreement', 'interval', 'bias', 'verdict'], rows, [2, 3, 5])}</section>`;
}

export function driftSection(doc: AuditDocument, history: ChartResult, mix: ChartResult): string {
  if (!doc.drift.available) return `<section><h2>Drift</h2>${figure(history, '')}</section>`;
  const d = doc.drift.value;
  const r = d.report;
  const alerts = r.alerts.map((a) => `<li>${e(a.kind)}${a.slice === null ? '' : ` (${e(a.slice)})`}: ${e(a.message)}</li>`).join('');
  const gaps = r.coverage_gaps.map((g) => `<li>${count(g.size)} requests (${e(pct(g.share))})${g.top_slice === null ? '' : `, mostly ${e(g.top_slice)}`}: ${g.examples.slice(0, 3).map((x) => `“${e(x)}”`).join('; ')}</li>`).join('');
  const staleContent = (r.stale_content_clusters ?? []).map((c) => `<li>${count(c.size)} gold items (${e(pct(c.share))})${c.top_slice === null ? '' : `, mostly ${e(c.top_slice)}`}: ${c.examples.slice(0, 3).map((x) => `“${e(x)}”`).join('; ')}</li>`).join('');
  const stale = r.stale_gold.map((s) => `<li>${e(s.slice)}: ${count(s.gold_items)} gold items, last seen ${e(s.last_seen?.slice(0, 10) ?? 'never')}</li>`).join('');
  return `<section><h2>Drift: gold against production</h2><p class="${r.status === 'alert' ? 'bad' : 'ok'}">${e(r.status === 'alert' ? `ALERT: ${r.alerts.length} alerts` : 'ok')}; the judge passes ${e(pct(r.pass_rate.gold))} of gold and ${e(pct(r.pass_rate.shadow))} of shadow traffic (${e(d.origin)}, window ${e(r.window.start.slice(0, 10))} to ${e(r.window.end.slice(0, 10))}).</p>
<h3>Drift-check history</h3>${figure(history, 'drift-check history')}
<h3>Slice mix, gold against shadow</h3>${figure(mix, 'gold vs shadow slice mix')}
<h3>Alerts</h3><ul>${alerts || '<li>none</li>'}</ul><h3>Coverage gaps</h3><ul>${gaps || '<li>none</li>'}</ul><h3>Stale gold: items with no close traffic</h3><ul>${staleContent || '<li>none</li>'}</ul><h3>Stale gold slices</h3><ul>${stale || '<li>none</li>'}</ul></section>`;
}
