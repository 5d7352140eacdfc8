import type { schemas } from '@touchstone/core';

export function renderVerify(r: schemas.VerifyReport): string {
  const scope = r.gold_set === null ? 'store' : `gold set "${r.gold_set}"`;
  const head = `${r.batches_checked} batches, ${r.rows_checked.labels} labels, ${r.rows_checked.traffic} traffic records, ${r.rows_checked.judge_scores} judge scores checked`;
  const erased = r.erased_rows > 0 ? `; ${r.erased_rows} erased traffic record${r.erased_rows === 1 ? '' : 's'} match their recorded erasure` : '';
  const notes = r.notes.map((n) => `note: ${n}\n`).join('');
  if (r.intact) return `intact: ${scope} — ${head}${erased}\nhead hash ${r.head_hash}\n${notes}`;
  const lines = [`TAMPERED: ${scope} — ${r.findings.length} finding${r.findings.length === 1 ? '' : 's'} (${head})`];
  for (const f of r.findings.slice(0, 50)) lines.push(`  ${f.kind.padEnd(13)} ${f.message}`);
  if (r.findings.length > 50) lines.push(`  … and ${r.findings.length - 50} more (use --json for all)`);
  lines.push(`head hash ${r.head_hash}`);
  return `${lines.join('\n')}\n${notes}`;
}
