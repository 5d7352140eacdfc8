import type { schemas } from '@touchstone/core';
import type { JudgeCalibrationResult } from '@touchstone/judge-calibration';
import type { DemoManifest } from '@touchstone/datasets';
import { pct } from '../ui/format/numbers.js';
import { flagSubject, impactPhrase } from '../ui/views/skew-summary.js';
import { table } from './table.js';

export interface DemoIngestStep {
  readonly kind: 'labels' | 'judge' | 'traffic';
  readonly file: string;
  readonly status: 'ingested' | 'already_present';
  readonly batch_id: number | null;
  readonly inserted: number;
}

/** The `touchstone demo --json` document. Each audit section is present once its capability is wired in. */
export interface DemoReport {
  readonly demo: { readonly dir: string; readonly seed: number; readonly generated: boolean; readonly counts: DemoManifest['counts'] };
  readonly store: string;
  readonly gold_set: string;
  readonly ingest: readonly DemoIngestStep[];
  readonly warnings: readonly string[];
  readonly provenance: schemas.ProvenanceReport;
  readonly verify: schemas.VerifyReport;
  readonly skew: schemas.SkewReport;
  readonly judge: JudgeCalibrationResult;
  readonly drift: schemas.DriftCheckResult;
  readonly planted: DemoManifest['planted'];
}

export function renderDemo(r: DemoReport): string {
  const c = r.demo.counts;
  const out: string[] = [
    `Touchstone demo: an audit of a customer-support agent's gold set (seed ${r.demo.seed})`,
    `data   ${r.demo.dir} (${r.demo.generated ? 'generated now' : 'reused'}): ${c.items} items, ${c.labels} labels by ${c.labelers} labelers, ${c.traffic} traffic records`,
    `store  ${r.store}`,
    ...r.ingest.map((s) => `  ${s.kind.padEnd(8)} ${s.status === 'ingested' ? `ingested as batch ${s.batch_id ?? '-'} (${s.inserted} rows)` : 'already in the store'}`),
    ...r.warnings.map((w) => `warning: ${w}`),
    '',
    ...renderProvenanceSummary(r.provenance),
    '',
    ...renderIntegrity(r.verify),
    '',
    ...renderSkewSummary(r.skew),
    '',
    ...renderJudgeSummary(r.judge),
    '',
    ...renderDriftSummary(r.drift),
    '',
    ...renderPlanted(r.planted),
    '',
    `Next: touchstone skew --gold ${r.gold_set}   touchstone judge calibrate --gold ${r.gold_set} --judge ${r.judge.judge}`,
    `      touchstone audit --gold ${r.gold_set}   touchstone report --gold ${r.gold_set} --out audit.html   touchstone demo --json`,
  ];
  return `${out.join('\n')}\n`;
}

function renderProvenanceSummary(p: schemas.ProvenanceReport): string[] {
  const latest = p.guidelines.latest ?? '-';
  return [
    `Provenance of gold set "${p.gold_set}"`,
    `  ${p.items.total} items, ${p.labels.current} labels, ${p.labelers.length} labelers, ${p.sessions} sessions`,
    `  single-labeled items: ${p.items.single_labeled} (${pct(p.items.single_labeled / Math.max(1, p.items.total))})`,
    `  concentration: largest ${p.concentration.largest_labeler ?? '-'} with ${pct(p.concentration.largest_share)} of items; Herfindahl ${p.concentration.herfindahl.toFixed(3)}`,
    `  guidelines: ${p.guidelines.versions.map((v) => `${v.version} (${v.n_labels} labels)`).join(', ')}; ${p.guidelines.items_only_outdated} items never labeled under ${latest}`,
    '',
    ...table(['labeler', 'labels', 'share of items', 'sessions', 'first', 'last'], p.labelers.map((l) => [l.labeler_id, l.n_labels, pct(l.share), l.n_sessions, l.first_labeled_at.slice(0, 10), l.last_labeled_at.slice(0, 10)]))
      .split('\n')
      .map((line) => `  ${line}`),
  ];
}

function renderIntegrity(v: schemas.VerifyReport): string[] {
  const checked = `${v.batches_checked} batches, ${v.rows_checked.labels} labels, ${v.rows_checked.traffic} traffic records, ${v.rows_checked.judge_scores} judge scores`;
  if (v.intact) return ['Integrity', `  intact: the hash chain over ${checked} recomputes; head ${v.head_hash.slice(0, 16)}…`];
  return ['Integrity', `  TAMPERED: ${v.findings.length} findings over ${checked}`, ...v.findings.slice(0, 10).map((f) => `    ${f.kind} ${f.message}`)];
}

function renderPlanted(p: DemoManifest['planted']): string[] {
  const t = p.traffic;
  return [
    'Planted in this data (datasets/README.md)',
    `  ${p.lenient_labeler.labeler_id} labeled ${pct(p.lenient_labeler.item_share)} of items and scores ${p.lenient_labeler.slice} about +${p.lenient_labeler.delta} above the others`,
    `  ${p.fatigue.labeler_ids.join(' and ')} drift upward after ${p.fatigue.after_position} items in a session`,
    `  guideline ${p.guidelines.versions.at(-1) ?? ''} from ${p.guidelines.v2_from.slice(0, 10)}: ${p.guidelines.items_only_v1} items only ever labeled under ${p.guidelines.versions[0] ?? ''}`,
    `  traffic ${t.start.slice(0, 10)} to ${t.end.slice(0, 10)}: ${t.new_intent.intent} appears ${t.new_intent.first_seen.slice(0, 10)}; ${t.sunset_intent.intent} last seen ${t.sunset_intent.last_seen.slice(0, 10)}`,
    `  ${p.judge_tails.judge} agrees with humans at ${p.judge_tails.agrees_in[0] ?? ''}–${p.judge_tails.agrees_in.at(-1) ?? ''} and hedges at ${p.judge_tails.hedges_at.join(' and ')}`,
  ];
}

function renderSkewSummary(k: schemas.SkewReport): string[] {
  const a = k.agreement.krippendorff_alpha;
  const flags = k.flags.slice(0, 10).map((f) => {
    const where = f.slice === null ? 'overall' : `on ${f.slice}`;
    return `  ${flagSubject(f).padEnd(9)} ${f.kind.padEnd(9)} ${where.padEnd(24)} ${f.effect >= 0 ? '+' : ''}${f.effect.toFixed(2)} (q ${f.q_value.toPrecision(2)}); ${impactPhrase(f.impact)}`;
  });
  return [
    `Labeler skew (touchstone skew)`,
    `  Krippendorff's alpha ${a.value === null ? '-' : a.value.toFixed(3)}${a.ci === null ? '' : ` [${a.ci[0].toFixed(3)}, ${a.ci[1].toFixed(3)}]`}; ${k.flags.length} flags at a false discovery rate of ${k.method.fdr_alpha}, ranked by impact:`,
    ...(flags.length === 0 ? ['  none'] : flags),
    ...(k.flags.length > 10 ? [`  … ${k.flags.length - 10} more`] : []),
  ];
}

function renderJudgeSummary(j: JudgeCalibrationResult): string[] {
  const band = (b: JudgeCalibrationResult['bands'][number]) => `${b.band}: ${b.agreement === null ? '-' : pct(b.agreement, 0)} ${b.verdict}`;
  const w = j.headline.worst_band;
  return [
    `Judge ${j.judge} against human consensus (touchstone judge calibrate)`,
    `  agreement within ±${j.tolerance}: ${opt(j.headline.aggregate_agreement)} overall, but ${w === null ? '-' : `${opt(w.agreement)} on ${w.view}-score band ${w.band} (n ${w.n})`}`,
    `  by human score: ${j.bands_by_human.map(band).join(' · ')}`,
    `  by judge score: ${j.bands.map(band).join(' · ')}`,
  ];
}

function renderDriftSummary(d: schemas.DriftCheckResult): string[] {
  const p = d.pass_rate;
  return [
    `Drift-check, ${d.window.start.slice(0, 10)} to ${d.window.end.slice(0, 10)} (touchstone drift-check): ${d.status.toUpperCase()}, run #${d.run_id}`,
    `  pass rate, judge on both sides: gold ${opt(p.gold)} vs shadow ${opt(p.shadow)} (${p.n_shadow} sampled requests${p.corrected_shadow === null ? '' : `; human-scale estimate of shadow, corrected for the judge's errors on gold: ${pct(p.corrected_shadow.estimate)} [${pct(p.corrected_shadow.ci[0])}, ${pct(p.corrected_shadow.ci[1])}]`})`,
    ...d.alerts.slice(0, 6).map((a) => `  alert ${a.kind}: ${a.message}`),
    ...(d.alerts.length > 6 ? [`  … ${d.alerts.length - 6} more alerts`] : []),
    ...d.coverage_gaps.slice(0, 2).map((g) => `  coverage gap: ${pct(g.share)} of traffic (${g.size} sampled requests) with no close gold item, e.g. "${g.examples[0] ?? ''}"`),
    ...(d.stale_content_clusters ?? []).slice(0, 2).map((c) => `  stale gold: ${c.size} gold items (${pct(c.share)} of the ${d.stale_content?.gold_items ?? '?'} distinct gold items compared) with no close request in traffic, e.g. "${c.examples[0] ?? ''}"`),
  ];
}

const opt = (x: number | null): string => (x === null ? '-' : pct(x));
