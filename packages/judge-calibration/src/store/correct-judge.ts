import { DataError, StoreError, type Store } from '@touchstone/core';
import { correctedPassRate } from '../correction/corrected-pass-rate.js';
import type { JudgeCorrectionResult } from '../correction/judge-correction-result.js';
import { ppiMean } from '../correction/ppi-mean.js';
import { loadJudgePairs } from './load-pairs.js';
import { shadowJudgeScoresSql, trafficJudgeScoresSql, trafficUnscoredSql } from './pairs-sql.js';
import { humanScaleFor, type UnlabeledRow } from './human-scale-source.js';
import { convertScore } from '@touchstone/core';

export type UnlabeledSource = { readonly kind: 'shadow'; readonly shadowId: string } | { readonly kind: 'window'; readonly since: string; readonly until: string };

export interface CorrectJudgeOptions {
  readonly gold: string;
  readonly judge: string;
  readonly source: UnlabeledSource;
  /** Two-sided confidence for every interval (PPI's alpha = 1 − confidence); default 0.95. */
  readonly confidence?: number;
  readonly resamples?: number;
  readonly seed?: number;
}

/**
 * `touchstone judge correct`: the true pass rate of unlabeled items (a stored shadow set, or traffic in
 * a window) from the judge's verdicts on them, corrected by what the gold set shows of the judge's
 * errors: Rogan–Gladen with a bootstrap interval, PPI and PPI++. The online judge's scores on traffic
 * (`traffic.judge_score`) must be on the gold set's scale; pass/fail follows the gold set's pass rule.
 * @throws StoreError SHADOW_NOT_FOUND; DataError JUDGE_NO_UNLABELED / JUDGE_OFF_SCALE
 */
export async function correctJudge(store: Store, o: CorrectJudgeOptions): Promise<JudgeCorrectionResult> {
  const confidence = o.confidence ?? 0.95;
  const loaded = await loadJudgePairs(store, { goldSet: o.gold, judge: o.judge }, 'consensus');
  const scale = loaded.goldSet.scale;
  if (loaded.pairs.length === 0) throw new DataError('JUDGE_NO_PAIRS', `judge "${o.judge}" has no scored item with a human consensus in gold set "${o.gold}": nothing to calibrate the correction on`);
  const { rows, unscored, weightsUniform } = await unlabeledScores(store, o.source);
  const scores = rows.map((r) => r.judge_score);
  if (scores.length === 0) throw new DataError('JUDGE_NO_UNLABELED', `no judge scores in ${describe(o.source)}${unscored > 0 ? ` (${unscored} item(s) there have no judge_score)` : ''}`);
  const off: string[] = [];
  const unlabeled = scores.map((s, i) => {
    const c = convertScore(scale, s, null);
    if ('reason' in c) {
      off.push(`item ${i + 1}: ${c.reason}`);
      return 0;
    }
    return c.pass ? 1 : 0;
  });
  if (off.length > 0) throw new DataError('JUDGE_OFF_SCALE', `${off.length} judge score(s) in ${describe(o.source)} are off gold set "${o.gold}"'s scale: ${off.slice(0, 5).join('; ')}`);
  const labels = loaded.pairs.map((p) => (p.human_pass === true ? 1 : 0));
  const predictions = loaded.pairs.map((p) => (p.judge_pass === true ? 1 : 0));
  const positives = labels.reduce<number>((s, v) => s + v, 0);
  const tp = labels.reduce<number>((s, v, i) => s + (v === 1 && predictions[i] === 1 ? 1 : 0), 0);
  const tn = labels.reduce<number>((s, v, i) => s + (v === 0 && predictions[i] === 0 ? 1 : 0), 0);
  let roganGladen: JudgeCorrectionResult['rogan_gladen'] = null;
  let roganGladenError: string | null = null;
  try {
    const r = correctedPassRate({ labels, predictions, unlabeledPredictions: unlabeled, confidence, ...(o.resamples === undefined ? {} : { resamples: o.resamples }), ...(o.seed === undefined ? {} : { seed: o.seed }) });
    roganGladen = { estimate: r.estimate, ci: r.ci, diagnostics: { ...r.diagnostics } };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    roganGladenError = error.message.replace(/^correctedPassRate: /, '');
  }
  const ppi = (lambda: number | 'auto'): JudgeCorrectionResult['ppi'] => {
    const r = ppiMean({ labeled: { y: labels, yhat: predictions }, unlabeledYhat: unlabeled, alpha: 1 - confidence, lambda });
    return { estimate: r.estimate, ci: r.ci, diagnostics: { ...r.diagnostics } };
  };
  return {
    gold_set: o.gold,
    judge: o.judge,
    source: {
      kind: o.source.kind,
      shadow_id: o.source.kind === 'shadow' ? o.source.shadowId : null,
      since: o.source.kind === 'window' ? o.source.since : null,
      until: o.source.kind === 'window' ? o.source.until : null,
      n_items: scores.length,
      n_unscored: unscored,
      weights_uniform: weightsUniform,
    },
    confidence,
    observed_pass_rate: unlabeled.reduce<number>((s, v) => s + v, 0) / unlabeled.length,
    calibration: { n_pairs: labels.length, tpr: positives === 0 ? null : tp / positives, tnr: labels.length - positives === 0 ? null : tn / (labels.length - positives) },
    rogan_gladen: roganGladen,
    rogan_gladen_error: roganGladenError,
    ppi: ppi(1),
    ppi_plus_plus: ppi('auto'),
    human_scale: await humanScaleFor(store, loaded.goldSet, o.judge, loaded.pairs, rows, { confidence, ...(o.resamples === undefined ? {} : { resamples: o.resamples }), ...(o.seed === undefined ? {} : { seed: o.seed }) }),
  };
}

async function unlabeledScores(store: Store, source: UnlabeledSource): Promise<{ rows: UnlabeledRow[]; unscored: number; weightsUniform: boolean }> {
  if (source.kind === 'window') {
    const rows = await store.all<{ judge_score: number; slice: string | null }>(trafficJudgeScoresSql(source.since, source.until));
    const [u] = await store.all<{ n: number }>(trafficUnscoredSql(source.since, source.until));
    return { rows: rows.map((r) => ({ ...r, weight: 1 })), unscored: u?.n ?? 0, weightsUniform: true };
  }
  let rows: { judge_score: number | null; weight: number; slice: string | null }[];
  try {
    rows = await store.all<{ judge_score: number | null; weight: number; slice: string | null }>(shadowJudgeScoresSql(source.shadowId));
  } catch (error) {
    // A store created before shadow sets existed has no shadow_items table.
    throw new StoreError('SHADOW_NOT_FOUND', `no shadow set "${source.shadowId}" in ${store.path} (it has no shadow sets)`, { cause: error });
  }
  if (rows.length === 0) throw new StoreError('SHADOW_NOT_FOUND', `no shadow set "${source.shadowId}" in ${store.path}`);
  const scored = rows.filter((r) => r.judge_score !== null);
  const w0 = rows[0]?.weight;
  return { rows: scored.map((r) => ({ judge_score: r.judge_score as number, slice: r.slice, weight: r.weight })), unscored: rows.length - scored.length, weightsUniform: rows.every((r) => Math.abs(r.weight - (w0 as number)) <= 1e-9 * Math.abs(w0 as number)) };
}

function describe(source: UnlabeledSource): string {
  return source.kind === 'shadow' ? `shadow set "${source.shadowId}"` : `traffic served in [${source.since}, ${source.until})`;
}
