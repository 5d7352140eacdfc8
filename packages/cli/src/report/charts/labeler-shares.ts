import type { TopLevelSpec } from 'vega-lite';
import type { ProvenanceReport } from '@touchstone/core/schemas';

type Share = Pick<ProvenanceReport['labelers'][number], 'labeler_id' | 'share' | 'n_labels'>;

/** Bar chart of each labeler's share of the gold set's items (provenance), largest first. */
export function labelerSharesSpec(labelers: readonly Share[]): TopLevelSpec {
  const values = labelers.map((l) => ({ labeler: l.labeler_id, share: l.share, labels: l.n_labels }));
  return {
    width: 560,
    height: Math.max(120, 20 * values.length),
    data: { values },
    mark: { type: 'bar', color: '#0f766e' },
    encoding: {
      y: { field: 'labeler', type: 'nominal', sort: '-x', title: null },
      x: { field: 'share', type: 'quantitative', axis: { format: '.0%' }, title: 'share of items labeled' },
      tooltip: [{ field: 'labeler' }, { field: 'share', format: '.1%' }, { field: 'labels' }],
    },
  };
}
