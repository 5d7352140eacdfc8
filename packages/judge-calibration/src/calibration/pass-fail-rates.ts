import { wilsonInterval } from '../stats/wilson-interval.js';
import type { PairMetrics } from './pair-metrics.js';

export interface Rate {
  value: number | null;
  ci: [number, number] | null;
  n: number;
}

/** A proportion k/n with its Wilson interval; value and interval null when n = 0. */
export function rate(k: number, n: number, confidence: number): Rate {
  return n === 0 ? { value: null, ci: null, n } : { value: k / n, ci: wilsonInterval(k, n, confidence), n };
}

/**
 * Pass/fail agreement over a set of pairs: TPR = P(judge passes | human passes), TNR = P(judge fails |
 * human fails), precision = P(human passes | judge passes), and both pass rates.
 */
export function passFailRates(m: PairMetrics, indices: ArrayLike<number>, confidence: number): { tpr: Rate; tnr: Rate; precision: Rate; judge_pass_rate: Rate; human_pass_rate: Rate } {
  let tp = 0;
  let fn = 0;
  let tn = 0;
  let fp = 0;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    const h = m.humanPass[i] === 1;
    const j = m.judgePass[i] === 1;
    if (h && j) tp += 1;
    else if (h) fn += 1;
    else if (j) fp += 1;
    else tn += 1;
  }
  const n = tp + fn + tn + fp;
  return {
    tpr: rate(tp, tp + fn, confidence),
    tnr: rate(tn, tn + fp, confidence),
    precision: rate(tp, tp + fp, confidence),
    judge_pass_rate: rate(tp + fp, n, confidence),
    human_pass_rate: rate(tp + fn, n, confidence),
  };
}
