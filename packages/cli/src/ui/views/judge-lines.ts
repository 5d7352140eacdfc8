import type { BandSummary } from '@touchstone/judge-calibration';
import type { Line } from '../components/LineList.js';
import type { JudgePanel } from '../data/panels.js';
import { intervalBar } from '../format/interval-bar.js';
import { fitCell } from '../format/layout-columns.js';
import { pct, signed } from '../format/numbers.js';

const MARK = { trusted: '✓', untrusted: '✗', insufficient: '?' } as const;
// "+N" after "insufficient": the human labels that band needs before its interval can clear (or miss) the target.

/** "bands 1 ✓ 2 ✓ 3 ? 4 ✓ 5 ✓ · agreement 92.1% · worst band 3 81.3%" */
export function judgeHeadline(j: JudgePanel): string {
  const c = j.calibration;
  const worst = c.headline.worst_band;
  return `${j.judge}: bands ${c.bands.map((b) => `${b.band} ${MARK[b.verdict]}`).join(' ')} · agreement ${pct(c.headline.aggregate_agreement)}${worst === null ? '' : ` · worst band ${worst.band} (${worst.view}) ${pct(worst.agreement)}`}`;
}

/** The Judge screen as lines: headline, overall statistics, both band views with intervals and verdicts. */
export function judgeLines(j: JudgePanel, width: number): Line[] {
  const c = j.calibration;
  const o = c.overall;
  const lines: Line[] = [];
  const add = (key: string, text: string, tone?: Line['tone']): void => {
    lines.push({ key, text, ...(tone === undefined ? {} : { tone }) });
  };
  add('head', judgeHeadline(j), c.verdicts.untrusted.length > 0 ? 'warn' : 'title');
  if (j.judges.length > 1) add('others', `other judges on this gold set: ${j.judges.slice(1).join(', ')} (touchstone judge calibrate --judge NAME)`, 'muted');
  add('pairs', `${c.n_pairs} pairs (${c.pairing}) · tolerance ±${c.tolerance} · target ${pct(c.target, 0)} · ${pct(c.confidence, 0)} intervals · insufficient +N: labels the band needs`);
  const est = (e: { value: number; ci: readonly [number, number] | null } | null): string => (e === null ? '–' : `${e.value.toFixed(2)}${e.ci === null ? '' : ` [${e.ci[0].toFixed(2)}, ${e.ci[1].toFixed(2)}]`}`);
  add('kappa', `Cohen κ ${est(o.kappa)} · weighted κ linear ${est(o.weighted_kappa?.linear ?? null)} quadratic ${est(o.weighted_kappa?.quadratic ?? null)}`);
  add('rank', `Spearman ${est(o.spearman)} · Kendall τb ${est(o.kendall_tau_b)} · bias ${signed(o.bias)} · MAE ${o.mae?.toFixed(2) ?? '–'}`);
  bandSection(lines, 'judge', 'By the judge’s score: when the judge says this, how often do humans agree?', c.bands, width);
  bandSection(lines, 'human', 'By the human score: of what humans rate this, how much does the judge match?', c.bands_by_human, width);
  return lines;
}

function bandSection(lines: Line[], view: string, title: string, bands: readonly BandSummary[], width: number): void {
  lines.push({ key: `${view}-h`, text: title, tone: 'accent' });
  const bar = Math.max(8, width - 66);
  lines.push({ key: `${view}-cols`, text: `  ${fitCell('band', 6)} ${fitCell('n', 6, 'right')} ${fitCell('agree', 5, 'right')} ${fitCell('interval', 12)} ${fitCell('0 … 100%', bar)} ${fitCell('bias', 6, 'right')}  verdict`, tone: 'muted' });
  for (const b of bands) {
    const ci = b.ci === null ? '' : `[${pct(b.ci[0], 0)}, ${pct(b.ci[1], 0)}]`;
    const more = b.verdict === 'insufficient' && b.extra_labels_needed !== null ? ` +${b.extra_labels_needed}` : '';
    lines.push({
      key: `${view}-${b.band}`,
      text: `  ${fitCell(b.band, 6)} ${fitCell(String(b.n), 6, 'right')} ${fitCell(pct(b.agreement, 0), 5, 'right')} ${fitCell(ci, 12)} ${intervalBar(b.ci?.[0] ?? null, b.agreement, b.ci?.[1] ?? null, [0, 1], bar)} ${fitCell(signed(b.bias), 6, 'right')}  ${MARK[b.verdict]} ${b.verdict}${more}`,
      ...(b.verdict === 'untrusted' ? { tone: 'bad' as const } : b.verdict === 'insufficient' ? { tone: 'warn' as const } : {}),
    });
  }
}
