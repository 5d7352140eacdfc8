import type { TopLevelSpec } from 'vega-lite';
import type { BandSummary, JudgeCalibrationResult } from '@touchstone/judge-calibration';

/**
 * Per-band judge agreement with Wilson intervals, in both views (bands by the judge's score and by
 * the human score) side by side, coloured by verdict, with the target agreement as a rule.
 */
export function judgeBandsSpec(c: JudgeCalibrationResult): TopLevelSpec {
  const rows = (view: string, bands: readonly BandSummary[]) =>
    bands.filter((b) => b.agreement !== null).map((b) => ({ view, band: b.band, agreement: b.agreement, lo: b.ci?.[0] ?? b.agreement, hi: b.ci?.[1] ?? b.agreement, verdict: b.verdict, n: b.n }));
  const values = [...rows('by judge score', c.bands), ...rows('by human score', c.bands_by_human)];
  const color = { field: 'verdict', type: 'nominal', scale: { domain: ['trusted', 'insufficient', 'untrusted'], range: ['#15803d', '#ca8a04', '#dc2626'] } } as const;
  const x = { field: 'band', type: 'ordinal', title: 'score band' } as const;
  return {
    data: { values },
    facet: { column: { field: 'view', type: 'nominal', title: null } },
    spec: {
      width: 260,
      height: 220,
      layer: [
        { mark: { type: 'rule', strokeDash: [4, 4], color: '#6b7280' }, encoding: { y: { datum: c.target, type: 'quantitative' } } },
        { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x, y: { field: 'lo', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%' }, title: `agreement within ±${c.tolerance}` }, y2: { field: 'hi' }, color } },
        { mark: { type: 'point', filled: true, size: 80 }, encoding: { x, y: { field: 'agreement', type: 'quantitative' }, color, tooltip: [{ field: 'band' }, { field: 'n' }, { field: 'agreement', format: '.1%' }, { field: 'verdict' }] } },
      ],
    },
  };
}
