import type { schemas } from '@touchstone/core';
import { table } from './table.js';

/** `touchstone run list`: the recorded runs, oldest first. */
export function renderRunList(runs: readonly schemas.EvalRunSummary[]): string {
  if (runs.length === 0) return 'no runs recorded yet: touchstone run record FILE --name NAME\n';
  return `${table(
    ['name', 'metric', 'items', 'slices', 'pass rate / mean', 'gold', 'recorded', 'file'],
    runs.map((r) => [
      r.name, r.metric, r.n_items, r.n_slices,
      r.pass_rate !== null ? `${(100 * r.pass_rate).toFixed(1)}%` : r.mean_score !== null ? r.mean_score.toFixed(3) : '-',
      r.gold_snapshot === null ? '-' : `${r.gold_set === null ? '' : `${r.gold_set}@`}${r.gold_snapshot}`,
      r.recorded_at.slice(0, 19).replace('T', ' '), r.source_file,
    ]),
  )}\n`;
}

export function renderRunRecorded(r: schemas.EvalRunSummary): string {
  const level = r.pass_rate !== null ? `pass rate ${(100 * r.pass_rate).toFixed(1)}%` : `mean score ${r.mean_score?.toFixed(3) ?? '-'}`;
  const gold = r.gold_snapshot === null ? 'no gold snapshot named' : `gold ${r.gold_set === null ? '' : `${r.gold_set}@`}${r.gold_snapshot}`;
  return `recorded run "${r.name}": ${r.n_items} items, ${r.n_slices} slices, ${level}, ${gold}\n  file ${r.source_file} (${r.format}, sha256 ${r.source_sha256.slice(0, 16)}…) by ${r.actor}\n`;
}
