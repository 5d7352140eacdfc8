import type { schemas } from '@touchstone/core';
import type { DemoManifest } from '@touchstone/datasets';
import { pct, table } from './table.js';

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
    ...renderPlanted(r.planted),
    '',
    `Next: touchstone provenance --gold ${r.gold_set}   touchstone verify   touchstone demo --json`,
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
