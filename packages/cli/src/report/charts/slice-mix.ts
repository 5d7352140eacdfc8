import type { TopLevelSpec } from 'vega-lite';
import type { DriftReport } from '@touchstone/core/schemas';

/** Gold against shadow slice mix: each slice's share of the gold set and of the shadow set, side by side. */
export function sliceMixSpec(r: Pick<DriftReport, 'slices'>): TopLevelSpec {
  const values = r.slices.flatMap((s) => [
    { slice: s.slice, set: 'gold', share: s.gold_share },
    { slice: s.slice, set: 'shadow', share: s.shadow_share },
  ]);
  return {
    width: 560,
    height: Math.max(120, 26 * r.slices.length),
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'slice', type: 'nominal', title: null },
      yOffset: { field: 'set', type: 'nominal' },
      x: { field: 'share', type: 'quantitative', axis: { format: '.0%' }, title: 'share' },
      color: { field: 'set', type: 'nominal', title: null, scale: { domain: ['gold', 'shadow'], range: ['#b45309', '#0369a1'] } },
      tooltip: [{ field: 'slice' }, { field: 'set' }, { field: 'share', format: '.1%' }],
    },
  };
}
