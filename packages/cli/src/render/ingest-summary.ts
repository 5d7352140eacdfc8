import type { schemas } from '@touchstone/core';

/** The human summary of one ingest batch. */
export function renderIngestSummary(s: schemas.IngestSummary & { scale?: schemas.Scale | null; scale_inferred?: boolean }): string {
  const lines = [
    `batch ${s.batch_id}: ${s.kind}${s.gold_set === null ? '' : ` → gold set "${s.gold_set}"`}${s.judge === null ? '' : ` (judge ${s.judge})`}`,
    `  file      ${s.file} (${s.format}, sha256 ${s.sha256.slice(0, 16)}…)`,
    `  read      ${s.read} = accepted ${s.accepted} + rejected ${s.rejected}${s.skipped > 0 ? ` + skipped ${s.skipped}` : ''}`,
    `  stored    ${s.inserted} new${s.duplicates > 0 ? `, ${s.duplicates} exact duplicates not stored twice` : ''}`,
  ];
  if (s.scale === null) lines.push(`  gold set  "${s.gold_set ?? ''}" not created: no label was accepted, so its scale is not fixed yet`);
  else if (s.scale !== undefined) lines.push(`  scale     ${JSON.stringify(s.scale)}${s.scale_inferred === true ? ' (inferred from the labels; pass --scale to fix it explicitly)' : ''}`);
  for (const [field, value] of Object.entries(s.supplied)) lines.push(`  supplied  ${field} = ${value} for records without one (recorded in provenance)`);
  for (const w of s.warnings) lines.push(`  warning   ${w.message}`);
  if (s.quarantine_file !== null) lines.push(`  rejected  records written with reasons to ${s.quarantine_file}`);
  return `${lines.join('\n')}\n`;
}
