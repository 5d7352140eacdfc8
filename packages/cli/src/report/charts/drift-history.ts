import type { TopLevelSpec } from 'vega-lite';
import type { DriftRun } from '@touchstone/core/schemas';

/**
 * Drift-check history: gold and shadow pass rates per run, alert runs marked. One x position per
 * run, labelled "#run window end": two runs over the same window (a re-run, a backfill) stand side by
 * side instead of on one date joined by a vertical line.
 */
export function driftHistorySpec(runs: readonly DriftRun[]): TopLevelSpec {
  const values = [...runs].sort((a, b) => a.run_id - b.run_id).flatMap((r) => {
    const run = `#${r.run_id} ${r.window_end.slice(0, 10)}`;
    return [
      { run, id: r.run_id, end: r.window_end.slice(0, 10), series: 'gold (human consensus)', rate: r.pass_rate_gold, status: r.status },
      { run, id: r.run_id, end: r.window_end.slice(0, 10), series: 'shadow (judge on traffic)', rate: r.pass_rate_shadow, status: r.status },
    ];
  }).filter((v) => v.rate !== null);
  const x = { field: 'run', type: 'ordinal', title: 'drift-check run (window end)', sort: { field: 'id', op: 'min' }, axis: { labelAngle: -30 } } as const;
  return {
    width: 560,
    height: 220,
    data: { values },
    layer: [
      { mark: { type: 'line' }, encoding: { x, y: { field: 'rate', type: 'quantitative', axis: { format: '.0%' }, title: 'pass rate' }, color: { field: 'series', type: 'nominal', title: null } } },
      { mark: { type: 'point', filled: true, size: 60 }, encoding: { x, y: { field: 'rate', type: 'quantitative' }, color: { field: 'series', type: 'nominal' }, shape: { field: 'status', type: 'nominal', title: 'drift-check', scale: { domain: ['ok', 'alert'], range: ['circle', 'triangle-up'] } }, tooltip: [{ field: 'run' }, { field: 'end', title: 'window end' }, { field: 'series' }, { field: 'rate', format: '.1%' }, { field: 'status' }] } },
    ],
  };
}
