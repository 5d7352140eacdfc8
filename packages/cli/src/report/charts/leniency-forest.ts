import type { TopLevelSpec } from 'vega-lite';
import type { SkewReport } from '@touchstone/core/schemas';

/**
 * Forest plot of labeler leniency: each labeler's signed leniency against the comparison skew chose
 * (label units, positive = lenient) with its interval, flagged labelers in colour, a rule at zero.
 */
export function leniencyForestSpec(r: SkewReport): TopLevelSpec {
  const values = r.labelers
    .filter((l) => l.leniency !== null)
    .map((l) => ({ labeler: l.labeler_id, leniency: l.leniency, lo: l.ci?.[0] ?? l.leniency, hi: l.ci?.[1] ?? l.leniency, status: l.flagged ? `flagged ${l.direction ?? ''}`.trim() : 'not flagged', n: l.n_compared }));
  const y = { field: 'labeler', type: 'nominal', sort: { field: 'leniency', order: 'descending' }, title: null } as const;
  return {
    width: 560,
    height: Math.max(120, 22 * values.length),
    data: { values },
    layer: [
      { mark: { type: 'rule', strokeDash: [4, 4], color: '#6b7280' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { field: 'lo', type: 'quantitative', title: `leniency (label units, ${r.design.comparison.replaceAll('_', ' ')})` }, x2: { field: 'hi' }, color: { field: 'status', type: 'nominal', title: null, scale: { domain: ['not flagged', 'flagged lenient', 'flagged severe'], range: ['#6b7280', '#dc2626', '#2563eb'] } } } },
      { mark: { type: 'point', filled: true, size: 70 }, encoding: { y, x: { field: 'leniency', type: 'quantitative' }, color: { field: 'status', type: 'nominal' }, tooltip: [{ field: 'labeler' }, { field: 'leniency', format: '+.2f' }, { field: 'n', title: 'labels compared' }] } },
    ],
  };
}
