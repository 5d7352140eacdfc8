import { table } from '../../render/table.js';
import type { AuditDocument } from '../data/audit-document.js';
import type { Capability } from '../data/capability.js';
import { describeScale } from '../format/describe-scale.js';
import { count, pct } from '../format/numbers.js';

/**
 * The audit as plain text, for a stdout that is not a terminal (a pipe, a file, CI). Strings in
 * `doc` must already be terminal-safe (a sanitized source).
 */
export function renderAuditSummary(doc: AuditDocument): string {
  const p = doc.provenance;
  const v = doc.verify;
  const out: string[] = [
    `Audit of gold set "${doc.gold_set}" (${describeScale(doc.scale)})`,
    `  ${count(p.items.total)} items, ${count(p.labels.current)} labels (${count(p.labels.superseded)} superseded), ${p.labelers.length} labelers, ${count(p.sessions)} sessions, ${p.slices.length} slices`,
    `  single-labeled items ${count(p.items.single_labeled)} (${pct(p.items.single_labeled / Math.max(1, p.items.total))}); largest share ${p.concentration.largest_labeler ?? '-'} ${pct(p.concentration.largest_share)} of items; Herfindahl ${p.concentration.herfindahl.toFixed(3)}`,
  ];
  if (p.guidelines.latest !== null) out.push(`  guidelines ${p.guidelines.versions.map((g) => `${g.version} (${count(g.n_labels)})`).join(', ')}; ${count(p.guidelines.items_only_outdated)} items never labeled under ${p.guidelines.latest}`);
  out.push(v.intact
    ? `integrity: intact (${count(v.batches_checked)} batches, ${count(v.rows_checked.labels)} labels checked), head ${v.head_hash.slice(0, 16)}…`
    : `integrity: TAMPERED, ${v.findings.length} findings; first: ${v.findings[0]?.message ?? ''} (touchstone verify lists them all)`);
  out.push('', 'labelers:');
  const shown = p.labelers.slice(0, 20);
  out.push(...table(['labeler', 'labels', 'share', 'sessions', 'first', 'last', 'guidelines'], shown.map((l) => [l.labeler_id, l.n_labels, pct(l.share), l.n_sessions, l.first_labeled_at.slice(0, 10), l.last_labeled_at.slice(0, 10), l.guideline_versions.join(',') || '-'])).split('\n').map((line) => `  ${line}`));
  if (p.labelers.length > shown.length) out.push(`  … ${p.labelers.length - shown.length} more labelers`);
  out.push('', `skew:  ${capabilityLine(doc.skew)}`, `drift: ${capabilityLine(doc.drift)}`, `judge: ${capabilityLine(doc.judge)}`);
  out.push('', `This is a static summary (no interactive terminal). Everything as one JSON document: touchstone audit --gold ${doc.gold_set} --json`);
  out.push('Interactively (labeler drill-in, item search and history): run touchstone audit in a terminal.');
  return `${out.join('\n')}\n`;
}

function capabilityLine(cap: Capability<unknown>): string {
  return cap.available ? 'available (see --json)' : `not available: run ${cap.command}`;
}
