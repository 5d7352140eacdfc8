import type { schemas } from '@touchstone/core';
import { fmtCi, fmtDelta, fmtLevel, fmtMde, fmtQ, headline, methodLine, qOf, unitName } from './diff-format.js';
import { goldLines, unpairedLine } from './diff.js';
import { mdCode as code, mdText as escape } from './markdown-text.js';

const MAX_ROWS = 40;
const MARK: Record<schemas.Verdict, string> = { regression: '🔴', improvement: '🟢', 'no change': '⚪' };

/**
 * A compact Markdown table for a pull-request comment: the overall row, then the slices — the
 * regressions first, then by delta ascending (the report's order).
 */
export function renderDiffMarkdown(r: schemas.DiffReport): string {
  const out: string[] = [];
  out.push(`### ${r.verdict === 'regression' ? '🔴' : '✅'} Touchstone eval diff: ${escape(headline(r))}`);
  out.push('');
  out.push(`${code(r.baseline.name)} → ${code(r.candidate.name)} · ${escape(methodLine(r))}`);
  out.push('');
  out.push(`| | Slice | n | Baseline | Candidate | Δ ${unitName(r.metric)} | ${Math.round(100 * r.confidence)}% CI | q | MDE |`);
  out.push('|---|---|--:|--:|--:|--:|:-:|--:|--:|');
  const row = (s: schemas.SliceDiff, name: string): string => {
    const delta = fmtDelta(r.metric, s.delta);
    const strong = s.verdict === 'regression' ? `**${delta}**` : delta;
    return `| ${MARK[s.verdict]} | ${name} | ${s.n} | ${fmtLevel(r.metric, s.baseline)} | ${fmtLevel(r.metric, s.candidate)} | ${strong} | ${fmtCi(r.metric, s)} | ${fmtQ(qOf(s))} | ${fmtMde(r.metric, s)} |`;
  };
  out.push(row(r.overall, '**Overall**'));
  for (const s of r.slices.slice(0, MAX_ROWS)) out.push(row(s, s.verdict === 'regression' ? `**${escape(s.slice ?? '')}**` : escape(s.slice ?? '')));
  if (r.slices.length > MAX_ROWS) out.push(`| | … ${r.slices.length - MAX_ROWS} more slices | | | | | | | |`);
  out.push('');
  out.push(escape(unpairedLine(r)));
  const gold = goldLines(r);
  if (gold.length > 0) {
    out.push('');
    for (const line of gold) out.push(`${escape(line.trim())}  `);
  }
  for (const w of r.warnings) out.push(`\n> ⚠️ ${escape(w)}`);
  out.push('');
  out.push(`<sub>Paired per item. q: Benjamini–Hochberg-adjusted one-sided p (regression side when Δ < 0). MDE: the smallest drop a slice of that size detects with 80% power. Regression: Δ significantly below −tolerance.</sub>`);
  return `${out.join('\n')}\n`;
}
