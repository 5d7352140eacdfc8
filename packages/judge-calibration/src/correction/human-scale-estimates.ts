import { ESTIMATOR_ASSUMPTIONS, type HumanScale, type HumanScaleStratum, type StratumEstimates } from '@touchstone/core/schemas';
import { benjaminiHochberg, normalQuantile } from '@touchstone/core/stats';
import { correctedPassRate } from './corrected-pass-rate.js';
import { judgeScoreShift } from './judge-score-shift.js';
import { ppiMean } from './ppi-mean.js';

export interface HumanScaleInput {
  readonly judge: string;
  /** Slices of traffic with their shares; empty to use only the pooled stratum. */
  readonly strata: readonly HumanScaleStratum[];
  readonly pooled: HumanScaleStratum;
  readonly notes?: readonly string[];
  readonly confidence?: number;
  readonly resamples?: number;
  readonly seed?: number;
}

type Estimate = { estimate: number; ci: [number, number] };

/**
 * The traffic's pass rate on the humans' scale from the judge's verdicts on it and the gold pairs,
 * by Rogan–Gladen (judgy's bootstrap) and PPI++ (ppi_py's tuned λ), pooled and per slice; stratified
 * by slice (Σ share·estimate, intervals combined by the normal approximation Σ share²·se²) when
 * slices are given. Each estimator states its assumption; PPI++'s is tested per stratum (the judge's
 * score distribution on gold vs traffic). Rogan–Gladen is recommended whenever it is defined: a
 * simulation with the pass rate shifted between gold and traffic (human-scale-simulation.test.ts)
 * shows it keeps its coverage while PPI and PPI++ lose theirs; PPI++ is shown as sensitivity.
 */
export function humanScaleEstimates(input: HumanScaleInput): HumanScale {
  const confidence = input.confidence ?? 0.95;
  const notes = [...(input.notes ?? [])];
  const one = (s: HumanScaleStratum): StratumEstimates => estimateStratum(s, confidence, input, notes);
  const pooled = one(input.pooled);
  const bySlice = input.strata.map(one);
  let stratified = bySlice.length > 0;
  let overall = stratified ? combine(bySlice, pooled, confidence) : pooled;
  if (stratified && overall.rogan_gladen === null && overall.ppi_plus_plus === null && (pooled.rogan_gladen !== null || pooled.ppi_plus_plus !== null)) {
    notes.push(`stratified correction undefined (${overall.rogan_gladen_error ?? 'no estimate'}), so it is pooled over slices`);
    stratified = false;
    overall = pooled;
  }
  const standIns = bySlice.filter((s) => s.rogan_gladen === null && s.ppi_plus_plus !== null);
  if (stratified && standIns.length > 0 && overall.rogan_gladen !== null) {
    notes.push(`stratified Rogan–Gladen: ${standIns.map((s) => `slice "${s.slice}" (${s.rogan_gladen_error ?? 'undefined'})`).join('; ')} — its PPI++ estimate stands in, which assumes gold's items in that slice represent its traffic`);
  }
  const recommended = overall.rogan_gladen !== null ? 'rogan_gladen' : overall.ppi_plus_plus !== null ? 'ppi_plus_plus' : null;
  return {
    judge: input.judge,
    n_calibration: input.pooled.labels.length,
    confidence,
    assumptions: { ...ESTIMATOR_ASSUMPTIONS },
    stratified,
    overall,
    by_slice: bySlice,
    recommended,
    recommendation: recommendation(recommended, overall, bySlice, stratified),
    notes,
  };
}

function estimateStratum(s: HumanScaleStratum, confidence: number, o: HumanScaleInput, notes: string[]): StratumEstimates {
  const where = s.slice === null ? 'all traffic' : `slice "${s.slice}"`;
  const base = { slice: s.slice, traffic_share: s.share, n_gold: s.labels.length, n_shadow: s.unlabeledPredictions.length, judge_rate: weightedMean(s.unlabeledPredictions, s.unlabeledWeights) };
  if (s.unlabeledPredictions.length === 0) {
    const why = 'no judge score on traffic';
    return { ...base, rogan_gladen: null, rogan_gladen_error: why, ppi_plus_plus: null, ppi_plus_plus_error: why, judge_score_shift: null };
  }
  if (s.labels.length === 0) {
    const why = 'no gold item with both a human consensus and a judge score';
    return { ...base, rogan_gladen: null, rogan_gladen_error: why, ppi_plus_plus: null, ppi_plus_plus_error: why, judge_score_shift: null };
  }
  const rgOptions = { confidence, ...(o.resamples === undefined ? {} : { resamples: o.resamples }), ...(o.seed === undefined ? {} : { seed: o.seed }) };
  let rg: Estimate | null = null;
  let rgError: string | null = null;
  try {
    const r = correctedPassRate({ labels: s.labels, predictions: s.predictions, unlabeledPredictions: s.unlabeledPredictions, unlabeledWeights: s.unlabeledWeights, ...rgOptions });
    rg = { estimate: r.estimate, ci: r.ci };
    if (r.diagnostics.unclipped_estimate < 0 || r.diagnostics.unclipped_estimate > 1) {
      notes.push(`${where}: Rogan–Gladen's unclipped estimate ${r.diagnostics.unclipped_estimate.toFixed(3)} lies outside [0, 1], which contradicts its assumption that the judge's error rates carry over from gold`);
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    rgError = error.message.replace(/^correctedPassRate: /, '');
  }
  let ppi: Estimate | null = null;
  let ppiError: string | null = null;
  try {
    const r = ppiMean({ labeled: { y: [...s.labels], yhat: [...s.predictions] }, unlabeledYhat: [...s.unlabeledPredictions], unlabeledWeights: s.unlabeledWeights, alpha: 1 - confidence });
    // A rate: the normal interval is clipped to [0, 1] (ppi_py leaves it unclipped).
    ppi = { estimate: r.estimate, ci: [Math.max(0, r.ci[0]), Math.min(1, r.ci[1])] };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    ppiError = error.message.replace(/^ppiMean: /, '');
  }
  return { ...base, rogan_gladen: rg, rogan_gladen_error: rgError, ppi_plus_plus: ppi, ppi_plus_plus_error: ppiError, judge_score_shift: judgeScoreShift(s.goldScores, s.unlabeledScores, s.unlabeledWeights) };
}

/**
 * Σ share·estimate over slices; the interval from Σ share²·se² with se read off each slice's interval.
 * Stratified Rogan–Gladen takes a slice's PPI++ where Rogan–Gladen is undefined there (a slice without
 * passing or failing gold items, or where the judge's verdict says nothing of the humans': TPR + TNR ≤ 1).
 */
function combine(slices: readonly StratumEstimates[], pooled: StratumEstimates, confidence: number): StratumEstimates {
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const sum = (pick: (s: StratumEstimates) => Estimate | null, key: 'rogan_gladen' | 'ppi_plus_plus'): { est: Estimate | null; error: string | null } => {
    const missing = slices.filter((s) => pick(s) === null);
    if (missing.length > 0) return { est: null, error: `undefined in ${missing.map((s) => `slice "${s.slice}" (${s[`${key}_error`] ?? 'no estimate'})`).join(', ')}` };
    let est = 0;
    let v = 0;
    for (const s of slices) {
      const e = pick(s) as Estimate;
      est += s.traffic_share * e.estimate;
      const se = (e.ci[1] - e.ci[0]) / (2 * z);
      v += s.traffic_share * s.traffic_share * se * se;
    }
    const half = z * Math.sqrt(v);
    return { est: { estimate: est, ci: [Math.max(0, est - half), Math.min(1, est + half)] }, error: null };
  };
  const rg = sum((s) => s.rogan_gladen ?? s.ppi_plus_plus, 'rogan_gladen');
  const ppi = sum((s) => s.ppi_plus_plus, 'ppi_plus_plus');
  const judgeRate = slices.every((s) => s.judge_rate !== null) ? slices.reduce((a, s) => a + s.traffic_share * (s.judge_rate as number), 0) : pooled.judge_rate;
  return { ...pooled, judge_rate: judgeRate, rogan_gladen: rg.est, rogan_gladen_error: rg.error, ppi_plus_plus: ppi.est, ppi_plus_plus_error: ppi.error };
}

function recommendation(rec: HumanScale['recommended'], overall: StratumEstimates, slices: readonly StratumEstimates[], stratified: boolean): string {
  // The shift tests of the pooled stratum and every slice, Benjamini–Hochberg across them.
  const tested = [overall, ...slices].filter((s) => s.judge_score_shift !== null);
  const q = benjaminiHochberg(tested.map((s) => s.judge_score_shift?.p_value ?? 1));
  const shifted = tested.filter((_, i) => (q[i] ?? 1) < 0.05).map((s) => (s.slice === null ? 'overall' : `"${s.slice}"`));
  const shift = shifted.length > 0
    ? `the judge scores traffic differently from gold (${shifted.join(', ')}; BH q < 0.05), so PPI++'s assumption fails there`
    : "the judge's score distribution on traffic is not detectably different from on gold, so PPI++'s assumption is not contradicted";
  const how = stratified ? 'stratified by slice' : 'pooled';
  if (rec === 'rogan_gladen') {
    return `Rogan–Gladen (${how}): it stays valid when the pass rate differs between gold and traffic, which is what drift is; in simulation with that shift it kept its coverage and PPI/PPI++ did not. PPI++ is shown as sensitivity: ${shift}.`;
  }
  if (rec === 'ppi_plus_plus') {
    return `PPI++ (${how}), because Rogan–Gladen is undefined (${overall.rogan_gladen_error ?? 'no estimate'}); it is only as good as its assumption: ${shift}.`;
  }
  return `no human-scale estimate: ${overall.rogan_gladen_error ?? overall.ppi_plus_plus_error ?? 'no data'}`;
}

function weightedMean(v: readonly number[], w: readonly number[]): number | null {
  let s = 0;
  let sw = 0;
  v.forEach((x, i) => {
    s += x * (w[i] ?? 1);
    sw += w[i] ?? 1;
  });
  return sw > 0 ? s / sw : null;
}
