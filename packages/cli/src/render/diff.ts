import type { schemas } from '@touchstone/core';
import { fmtCi, fmtDelta, fmtLevel, fmtMde, fmtQ, headline, methodLine, qOf, sliceName, unitName } from './diff-format.js';
import { table } from './table.js';

const MAX_ROWS = 60;

/** The terminal report of `touchstone diff`. */
export function renderDiff(r: schemas.DiffReport): string {
  const out: string[] = [];
  out.push(headline(r));
  out.push(`baseline   ${runLine(r.baseline)}`);
  out.push(`candidate  ${runLine(r.candidate)}`);
  out.push(methodLine(r));
  out.push('');
  const rows = [r.overall, ...r.slices.slice(0, MAX_ROWS)].map((s) => [
    s.verdict, sliceName(s), s.n, fmtLevel(r.metric, s.baseline), fmtLevel(r.metric, s.candidate), fmtDelta(r.metric, s.delta), fmtCi(r.metric, s), fmtQ(qOf(s)), fmtMde(r.metric, s),
  ]);
  out.push(table(['verdict', 'slice', 'n', 'baseline', 'candidate', `Δ ${unitName(r.metric)}`, `${Math.round(100 * r.confidence)}% CI`, 'q', 'MDE'], rows));
  if (r.slices.length > MAX_ROWS) out.push(`… ${r.slices.length - MAX_ROWS} more slices (use --json)`);
  out.push('');
  out.push(unpairedLine(r));
  out.push(...goldLines(r));
  for (const w of r.warnings) out.push(`warning: ${w}`);
  return `${out.join('\n')}\n`;
}

function runLine(run: schemas.DiffReport['baseline']): string {
  const gold = run.gold_snapshot === null ? 'no gold snapshot named' : `gold ${run.gold_set === null ? '' : `${run.gold_set}@`}${run.gold_snapshot}`;
  return `${run.name} (${run.source === 'store' ? 'recorded run' : 'file'}, ${run.n_items} items, ${gold})`;
}

export function unpairedLine(r: schemas.DiffReport): string {
  const part = (label: string, e: { count: number; examples: string[] }): string =>
    `${e.count} only in the ${label}${e.count > 0 ? ` (${e.examples.join(', ')}${e.count > e.examples.length ? ', …' : ''})` : ''}`;
  return `unpaired items: ${part('baseline', r.only_baseline)}; ${part('candidate', r.only_candidate)}`;
}

export function goldLines(r: schemas.DiffReport): string[] {
  const g = r.gold;
  const lines: string[] = [];
  if (g.status === 'same') lines.push(`gold: both runs scored against snapshot ${g.baseline_snapshot ?? ''}`);
  if (g.status === 'changed') lines.push(`gold CHANGED: ${g.baseline_snapshot ?? ''} → ${g.candidate_snapshot ?? ''} (compared anyway: --allow-gold-change)`);
  if (g.diff !== null) {
    lines.push(`  gold diff: ${g.diff.relabeled} relabeled (${g.diff.pass_flips} pass/fail flips), ${g.diff.added} added, ${g.diff.removed} removed; ${g.diff.paired_items_affected} paired items affected`);
    if (g.diff.relabeled_examples.length > 0) lines.push(`  relabeled: ${g.diff.relabeled_examples.map((e) => `${e.item_id} ${String(e.from)}→${String(e.to)}`).join(', ')}`);
  }
  if (g.overall_unchanged_gold !== null) {
    const u = g.overall_unchanged_gold;
    lines.push(`  on the ${u.n} items whose gold did not change: Δ ${fmtDelta(r.metric, u.delta)} ${unitName(r.metric)} (q ${fmtQ(qOf(u))}, ${u.verdict})`);
  }
  if (g.note !== null) lines.push(`  ${g.note}`);
  return lines;
}
