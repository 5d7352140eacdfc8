import type { AuditDocument } from '../ui/data/audit-document.js';
import { escapeHtml as e } from './escape-html.js';
import type { ReportCharts } from './report-charts.js';
import { driftSection, judgeSection, labelersSection, summarySection } from './report-sections.js';
import { REPORT_CSS } from './report-styles.js';

/**
 * The audit as one self-contained HTML page: inline CSS, inline SVG charts, no script, and a
 * Content-Security-Policy that forbids loading anything, so opening it makes no request at all.
 */
export function renderReportHtml(doc: AuditDocument, charts: ReportCharts, generatedAt: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Touchstone audit: ${e(doc.gold_set)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header><h1>Touchstone audit: ${e(doc.gold_set)}</h1><p>generated ${e(generatedAt)} by touchstone report</p></header>
${summarySection(doc)}
${labelersSection(doc, charts.shares, charts.leniency)}
${judgeSection(doc, charts.judgeBands)}
${driftSection(doc, charts.driftHistory, charts.sliceMix)}
</main>
</body>
</html>
`;
}
