import type { Line } from '../components/LineList.js';
import type { ItemDetail } from '../data/item-detail.js';
import { wrapText } from '../format/wrap-text.js';

/** The item drill-in as lines: texts, consensus, full label history with provenance, judge scores. */
export function itemLines(d: ItemDetail, width: number): Line[] {
  const lines: Line[] = [];
  const add = (key: string, text: string, tone?: Line['tone']): void => {
    lines.push({ key, text, ...(tone === undefined ? {} : { tone }) });
  };
  const c = d.consensus;
  const verdict = c === null ? 'no current labels' : `consensus ${c.consensus_text ?? (c.consensus_value === null ? 'tie' : String(c.consensus_value))} (${c.pass === null ? 'undecided' : c.pass ? 'pass' : 'fail'}) from ${c.n_labels} labels`;
  add('head', `${d.item_id} · slice ${c?.slice ?? '–'} · ${verdict}`, 'title');
  const textWidth = Math.max(10, width - 6);
  for (const [name, text] of [['Input', d.input], ['Output', d.output], ['Reference', d.reference]] as const) {
    if (text === null || text === '') continue;
    add(`${name}-h`, name, 'accent');
    wrapText(text, textWidth, 40).forEach((t, i) => add(`${name}-${i}`, `  ${t}`));
  }
  add('hist-h', `Label history: ${d.history.length} labels, oldest first (batch, file, actor, guideline)`, 'accent');
  for (const h of d.history) {
    const value = h.label_text ?? (h.label_value === null ? '–' : String(h.label_value));
    add(`h-${h.seq}`, `  ${h.labeled_at.replace('T', ' ').slice(0, 16)}  ${h.labeler_id}  label ${value}  guideline ${h.guideline_version ?? '–'}  session ${h.session_id ?? '–'}${h.superseded ? '  (superseded)' : ''}`, h.superseded ? 'muted' : undefined);
    add(`p-${h.seq}`, `      batch #${h.batch_id} ${h.source_file} (${h.format}) imported by ${h.actor} ${h.imported_at.slice(0, 10)}${h.source_ref === null ? '' : ` · source ${h.source_ref}`}`, 'muted');
    if (h.rationale !== null && h.rationale !== '') add(`r-${h.seq}`, `      “${h.rationale}”`, 'muted');
  }
  if (d.judge_scores.length > 0) {
    add('judge-h', 'Judge scores', 'accent');
    d.judge_scores.forEach((j, i) => add(`j-${i}`, `  ${j.judge}  ${j.score_text ?? (j.score_value === null ? '–' : String(j.score_value))}  ${j.scored_at?.slice(0, 10) ?? ''}  batch #${j.batch_id}`));
  }
  return lines;
}
