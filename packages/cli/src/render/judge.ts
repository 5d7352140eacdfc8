import { humanScaleLines } from './drift-format.js';
import type { BandSummary, JudgeCalibrationResult, JudgeComparison, JudgeCorrectionResult } from '@touchstone/judge-calibration';
import { pct, pts } from '../ui/format/numbers.js';
import { table } from './table.js';

const ci = (c: readonly [number, number] | null, f: (x: number) => string = (x) => pct(x)): string => (c === null ? '-' : `[${f(c[0])}, ${f(c[1])}]`);
const num = (x: number | null, digits = 2): string => (x === null ? '-' : x.toFixed(digits));
const share = (x: number | null): string => (x === null ? '-' : pct(x));

function bandTable(bands: readonly BandSummary[]): string {
  return table(
    ['band', 'n', 'agree', '95% CI', 'exact', 'bias', 'MAE', 'verdict', 'labels needed'],
    bands.map((b) => [b.band, b.n, share(b.agreement), ci(b.ci), share(b.exact_agreement), num(b.bias), num(b.mae), b.verdict, b.verdict === 'insufficient' ? (b.extra_labels_needed === null ? '?' : `+${b.extra_labels_needed}`) : '-']),
  );
}

export function renderJudgeCalibration(r: JudgeCalibrationResult, requiredNotTrusted: readonly string[]): string {
  const o = r.overall;
  const h = r.headline;
  const conf = `${Math.round(r.confidence * 100)}%`;
  const est = (e: { value: number; ci: [number, number] | null } | null): string => (e === null ? '-' : `${e.value.toFixed(3)} ${ci(e.ci, (x) => x.toFixed(3))}`);
  const out = [
    `judge "${r.judge ?? ''}" on gold set "${r.gold_set ?? ''}" — ${r.scale.kind} scale, ${r.n_pairs} pairs (${r.pairing}), agreement = |judge − human| ≤ ${r.tolerance}, target ${pct(r.target, 0)}, ${conf} intervals`,
    `coverage: ${r.coverage.judge_scored} items scored, ${r.coverage.judge_scored_labeled} of them labeled; ${r.coverage.labeled_not_scored} labeled items not scored${r.coverage.no_consensus > 0 ? `; ${r.coverage.no_consensus} without consensus` : ''}`,
    '',
    `headline: aggregate agreement ${share(h.aggregate_agreement)} ${ci(h.aggregate_ci)}${h.worst_band === null ? '' : ` — worst band: ${h.worst_band.view === 'judge' ? 'judge says' : 'humans say'} ${h.worst_band.band}, ${pct(h.worst_band.agreement)} ${ci(h.worst_band.ci)} (n=${h.worst_band.n})`}`,
    `trusted: ${r.verdicts.trusted.join(', ') || '-'}   untrusted: ${r.verdicts.untrusted.join(', ') || '-'}   insufficient: ${r.verdicts.insufficient.join(', ') || '-'}`,
    '',
    'by judge score (precision: when the judge says X, do humans agree?)',
    bandTable(r.bands),
    '',
    'by human score (recall: of what humans rate X, does the judge agree?)',
    bandTable(r.bands_by_human),
    '',
    `overall: exact ${share(o.exact_agreement)} ${ci(o.exact_ci)}, bias ${num(o.bias)} ${ci(o.bias_ci, (x) => x.toFixed(2))}, MAE ${num(o.mae)}`,
    `kappa ${est(o.kappa)}${o.weighted_kappa === null ? '' : `; weighted linear ${est(o.weighted_kappa.linear)}, quadratic ${est(o.weighted_kappa.quadratic)}`}`,
    `Spearman ${est(o.spearman)}; Kendall tau-b ${est(o.kendall_tau_b)}`,
    `pass/fail: TPR ${share(o.pass_fail.tpr.value)} ${ci(o.pass_fail.tpr.ci)}, TNR ${share(o.pass_fail.tnr.value)} ${ci(o.pass_fail.tnr.ci)}, precision ${share(o.pass_fail.precision.value)}; judge passes ${share(o.pass_fail.judge_pass_rate.value)}, humans ${share(o.pass_fail.human_pass_rate.value)}`,
    '',
    'confusion matrix (rows: human, columns: judge)',
    table(['', ...o.confusion_matrix.categories], o.confusion_matrix.counts.map((row, i) => [o.confusion_matrix.categories[i] ?? '', ...row])),
  ];
  if (r.next_labels.suggestions.length > 0) {
    out.push('', `label next (${r.next_labels.suggestions.length}, alternating top and bottom judge scores): ${r.next_labels.suggestions.map((s) => `${s.item_id} (${s.band})`).join(', ')}`);
  }
  if (requiredNotTrusted.length > 0) out.push('', `NOT TRUSTED (required): ${requiredNotTrusted.join(', ')}`);
  return `${out.join('\n')}\n`;
}

export function renderJudgeComparison(c: JudgeComparison): string {
  const o = c.overall;
  const p = (x: number | null): string => (x === null ? '-' : x < 1e-4 ? x.toExponential(1) : x.toFixed(4));
  return `${[
    `judge "${c.judge_b}" against baseline "${c.judge_a}": ${c.n_common} common pairs (${c.n_only_a} only baseline, ${c.n_only_b} only candidate)`,
    `verdict: ${c.verdict.replaceAll('_', ' ')} — agreement ${share(o.agreement_a)} → ${share(o.agreement_b)} (${pts(o.change)}, ${Math.round(c.a.confidence * 100)}% CI ${ci(o.change_ci, (x) => pts(x))}), exact McNemar p ${p(o.p_value)}; kappa ${num(c.kappa.a, 3)} → ${num(c.kappa.b, 3)}`,
    '',
    'by human score (same items for both judges; paired)',
    table(
      ['band', 'n', 'baseline', 'candidate', 'change', 'base only', 'cand only', 'p', 'q', 'verdicts'],
      c.bands_by_human.map((b) => [b.band, b.n, share(b.agreement_a), share(b.agreement_b), pts(b.change), b.a_only, b.b_only, p(b.p_value), p(b.q_value), `${b.verdict_a} → ${b.verdict_b}`]),
    ),
    '',
    "by each judge's own score (different items per judge; not paired)",
    table(['band', 'n base', 'baseline', 'n cand', 'candidate', 'verdicts'], c.bands.map((b) => [b.band, b.n_a, share(b.agreement_a), b.n_b, share(b.agreement_b), `${b.verdict_a} → ${b.verdict_b}`])),
  ].join('\n')}\n`;
}

export function renderJudgeCorrection(r: JudgeCorrectionResult): string {
  const src = r.source.kind === 'shadow' ? `shadow set ${r.source.shadow_id ?? ''}` : `traffic ${r.source.since ?? ''} – ${r.source.until ?? ''}`;
  const line = (name: string, e: { estimate: number; ci: [number, number] } | null, extra = ''): string => `  ${name.padEnd(14)} ${e === null ? '-' : `${pct(e.estimate)} ${ci(e.ci)}`}${extra}`;
  const lambda = r.ppi_plus_plus.diagnostics['lambda'];
  return `${[
    `judge "${r.judge}" on ${src}: ${r.source.n_items} scored items${r.source.n_unscored > 0 ? ` (${r.source.n_unscored} without a judge score left out)` : ''}`,
    `calibrated on gold set "${r.gold_set}": ${r.calibration.n_pairs} pairs, TPR ${share(r.calibration.tpr)}, TNR ${share(r.calibration.tnr)}`,
    `judge's raw pass rate: ${pct(r.observed_pass_rate)}`,
    ...(r.human_scale === null ? [] : [...humanScaleLines(r.human_scale), ...r.human_scale.notes.map((n) => `  note: ${n}`)]),
    `pooled over slices and unweighted, for reference (${Math.round(r.confidence * 100)}% intervals):`,
    line('Rogan–Gladen', r.rogan_gladen, r.rogan_gladen_error === null ? '' : `  (${r.rogan_gladen_error})`),
    line('PPI', r.ppi),
    line('PPI++', r.ppi_plus_plus, typeof lambda === 'number' ? `  λ = ${lambda.toFixed(3)}` : ''),
    ...(r.source.weights_uniform ? [] : ['note: the shadow set has unequal sampling weights; the pooled estimates above are unweighted, the human-scale ones weighted']),
  ].join('\n')}\n`;
}
