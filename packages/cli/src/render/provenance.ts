import type { schemas } from '@touchstone/core';
import { describeScale } from '../ui/format/describe-scale.js';
import { pct } from '../ui/format/numbers.js';
import { table } from './table.js';

export function renderProvenance(r: schemas.ProvenanceReport): string {
  const out: string[] = [];
  out.push(`gold set "${r.gold_set}" — scale ${describeScale(r.scale)}${r.scale_inferred ? ' (inferred)' : ''}`);
  out.push(`${r.items.total} items, ${r.labels.current} current labels (${r.labels.superseded} superseded), ${r.labelers.length} labelers, ${r.sessions} sessions`);
  out.push(`single-labeled items: ${r.items.single_labeled}; labels per item: ${Object.entries(r.items.labels_per_item).map(([n, c]) => `${n}×${c}`).join(', ')}`);
  out.push(`concentration: largest ${r.concentration.largest_labeler ?? '-'} with ${pct(r.concentration.largest_share)} of items; Herfindahl ${r.concentration.herfindahl.toFixed(3)}`);
  if (r.guidelines.latest !== null) {
    out.push(`guidelines: ${r.guidelines.versions.map((v) => `${v.version} (${v.n_labels})`).join(', ')}; ${r.guidelines.items_only_outdated} items labeled only under an outdated version`);
  }
  out.push('');
  out.push(table(
    ['labeler', 'labels', 'share', 'first', 'last', 'guidelines', 'slices', 'sessions'],
    r.labelers.slice(0, 40).map((l) => [l.labeler_id, l.n_labels, pct(l.share), l.first_labeled_at.slice(0, 10), l.last_labeled_at.slice(0, 10), l.guideline_versions.join(',') || '-', l.slices.length, l.n_sessions]),
  ));
  if (r.labelers.length > 40) out.push(`… ${r.labelers.length - 40} more labelers (use --json)`);
  out.push('');
  out.push('batches:');
  for (const b of r.batches) {
    const supplied = Object.entries(b.supplied).map(([k, v]) => ` ${k} supplied=${v}`).join('');
    const reasons = Object.entries(b.skipped_reasons).map(([k, n]) => `${n} ${k}`).join('; ');
    const skipped = b.n_skipped === 0 ? '' : `, skipped ${b.n_skipped}${reasons === '' ? '' : ` (${reasons})`}`;
    const aliases = Object.keys(b.labeler_map).length === 0 ? '' : ` labelers mapped: ${Object.entries(b.labeler_map).map(([a, c]) => `${a}→${c}`).join(', ')}`;
    out.push(`  #${b.batch_id} ${b.source_file} (${b.format}, sha256 ${b.source_sha256.slice(0, 12)}…) by ${b.actor} at ${b.started_at}: read ${b.n_read}, accepted ${b.n_accepted}, rejected ${b.n_rejected}${skipped}${supplied}${aliases}`);
  }
  return `${out.join('\n')}\n`;
}
