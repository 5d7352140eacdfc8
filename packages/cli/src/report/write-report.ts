import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { DataError } from '@touchstone/core';
import type { AuditDocument } from '../ui/data/audit-document.js';
import { renderReportCharts } from './report-charts.js';
import { renderReportHtml } from './render-report-html.js';

export interface WrittenReport {
  readonly out: string;
  readonly bytes: number;
  /** Charts drawn, and the ones left out with the command that would give them data. */
  readonly charts: Record<string, 'rendered' | { readonly not_available: string }>;
}

/** Renders the charts and the page and writes it to `out` atomically (a temporary file renamed into place). */
export async function writeReport(doc: AuditDocument, out: string, now: Date = new Date()): Promise<WrittenReport> {
  const charts = await renderReportCharts(doc);
  const html = renderReportHtml(doc, charts, now.toISOString());
  const partial = `${out}.partial-${process.pid}`;
  try {
    writeFileSync(partial, html);
    renameSync(partial, out);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new DataError('REPORT_WRITE_FAILED', `cannot write the report to ${out}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return {
    out,
    bytes: Buffer.byteLength(html),
    charts: Object.fromEntries(Object.entries(charts).map(([k, c]) => [k, 'svg' in c ? 'rendered' : { not_available: c.unavailable }])),
  };
}
