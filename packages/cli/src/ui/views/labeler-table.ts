import type { ProvenanceReport, SkewReport } from '@touchstone/core/schemas';
import type { TableRow } from '../components/DataTable.js';
import type { ColumnSpec } from '../format/layout-columns.js';
import { count, pct, signed } from '../format/numbers.js';

type LabelerRow = ProvenanceReport['labelers'][number];

export const LABELER_COLUMNS: readonly ColumnSpec[] = [
  { header: 'labeler', width: 14, flex: 1 },
  { header: 'labels', width: 7, align: 'right' },
  { header: 'share', width: 6, align: 'right' },
  { header: 'sessions', width: 8, align: 'right', drop: 2 },
  { header: 'first', width: 10, drop: 4 },
  { header: 'last', width: 10, drop: 3 },
  { header: 'guidelines', width: 10, drop: 1 },
  { header: 'slices', width: 6, align: 'right', drop: 5 },
  { header: 'lenient', width: 7, align: 'right' },
  // "! lenient" whole: the flag is the column a lead reads the table for.
  { header: 'flag', width: 9 },
];

/** Skew's per-labeler leniency (label units, positive = lenient) and flag, by labeler id. */
export type SkewByLabeler = ReadonlyMap<string, SkewReport['labelers'][number]>;

/** Sort keys, in the order `s` cycles through them, with the column each one marks. */
export const LABELER_SORTS: readonly { readonly name: string; readonly column: number; readonly key: (l: LabelerRow, skew: SkewByLabeler | null) => number | string }[] = [
  { name: 'labels', column: 1, key: (l) => l.n_labels },
  { name: 'share', column: 2, key: (l) => l.share },
  { name: 'sessions', column: 3, key: (l) => l.n_sessions },
  { name: 'last', column: 5, key: (l) => l.last_labeled_at },
  { name: 'labeler', column: 0, key: (l) => l.labeler_id },
  { name: 'leniency', column: 8, key: (l, skew) => skew?.get(l.labeler_id)?.leniency ?? Number.NEGATIVE_INFINITY },
];

/** Labelers filtered by a substring of their id, sorted by one key (ties by id). */
export function sortLabelers(labelers: readonly LabelerRow[], sort: number, descending: boolean, filter: string, skew: SkewByLabeler | null): LabelerRow[] {
  const by = LABELER_SORTS[sort] ?? LABELER_SORTS[0];
  const f = filter.toLowerCase();
  const rows = labelers.filter((l) => f === '' || l.labeler_id.toLowerCase().includes(f));
  return rows.sort((a, b) => {
    const ka = by?.key(a, skew) ?? 0;
    const kb = by?.key(b, skew) ?? 0;
    const c = ka < kb ? -1 : ka > kb ? 1 : a.labeler_id.localeCompare(b.labeler_id);
    return descending ? -c : c;
  });
}

/** Table rows; the leniency and flag columns show "…" while skew computes and "–" when it is not available. */
export function labelerTableRows(labelers: readonly LabelerRow[], skew: SkewByLabeler | 'loading' | null): TableRow[] {
  return labelers.map((l) => {
    const s = skew === 'loading' || skew === null ? undefined : skew.get(l.labeler_id);
    const lenient = skew === 'loading' ? '…' : signed(s?.leniency ?? null);
    const flag = skew === 'loading' ? '' : s?.flagged === true ? `! ${s.direction ?? 'flag'}` : '';
    return {
      key: l.labeler_id,
      cells: [l.labeler_id, count(l.n_labels), pct(l.share), count(l.n_sessions), l.first_labeled_at.slice(0, 10), l.last_labeled_at.slice(0, 10), l.guideline_versions.join(',') || '–', String(l.slices.length), lenient, flag],
      ...(s?.flagged === true ? { tone: 'warn' as const } : {}),
    };
  });
}
