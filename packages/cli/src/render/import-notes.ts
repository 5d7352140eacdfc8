import type { schemas } from '@touchstone/core';

/** The lines a tool import adds under the ingest summary: the tool, what was chosen, why records were skipped. */
export function renderImportNotes(n: schemas.ImportNotes): string {
  const chosen = [n.question === null ? undefined : `question "${n.question}"`, n.source_judge === null ? undefined : `judge "${n.source_judge}" in the export`]
    .filter((x) => x !== undefined).join(', ');
  const lines = [`  import    ${n.tool} export${chosen === '' ? '' : `: ${chosen}`}`];
  if (n.scale_from !== null) lines.push(`  scale     read from the export's settings, ${n.scale_from}`);
  for (const [reason, count] of Object.entries(n.skipped_reasons).sort((a, b) => b[1] - a[1])) lines.push(`  skipped   ${count} ${reason}`);
  return `${lines.join('\n')}\n`;
}
