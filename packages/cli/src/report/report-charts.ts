import type { AuditDocument } from '../ui/data/audit-document.js';
import { driftHistorySpec } from './charts/drift-history.js';
import { judgeBandsSpec } from './charts/judge-bands.js';
import { labelerSharesSpec } from './charts/labeler-shares.js';
import { leniencyForestSpec } from './charts/leniency-forest.js';
import { sliceMixSpec } from './charts/slice-mix.js';
import { renderSvg } from './render-svg.js';

/** One chart of the report: its SVG, or the command that would give it data. */
export type ChartResult = { readonly svg: string } | { readonly unavailable: string };

export interface ReportCharts {
  readonly shares: ChartResult;
  readonly leniency: ChartResult;
  readonly judgeBands: ChartResult;
  readonly driftHistory: ChartResult;
  readonly sliceMix: ChartResult;
}

/** Renders every chart the audit has data for (Vega-Lite → SVG in Node). */
export async function renderReportCharts(doc: AuditDocument): Promise<ReportCharts> {
  const na = (command: string): ChartResult => ({ unavailable: command });
  const drift = doc.drift;
  return {
    shares: { svg: await renderSvg(labelerSharesSpec(doc.provenance.labelers)) },
    leniency: doc.skew.available ? { svg: await renderSvg(leniencyForestSpec(doc.skew.value)) } : na(doc.skew.command),
    judgeBands: doc.judge.available ? { svg: await renderSvg(judgeBandsSpec(doc.judge.value.calibration)) } : na(doc.judge.command),
    driftHistory: !drift.available ? na(drift.command) : drift.value.runs.length === 0 ? na(`touchstone drift-check --gold ${doc.gold_set} (no runs recorded yet)`) : { svg: await renderSvg(driftHistorySpec(drift.value.runs)) },
    sliceMix: drift.available ? { svg: await renderSvg(sliceMixSpec(drift.value.report)) } : na(drift.command),
  };
}
