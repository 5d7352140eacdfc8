import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.js';
import { dawidSkene, type ClassLabels } from './dawid-skene.js';

function fromMatrix(rows: number[][], nClasses: number): ClassLabels {
  const item: number[] = [];
  const labeler: number[] = [];
  const label: number[] = [];
  rows.forEach((row, i) => row.forEach((l, j) => {
    if (l < 0) return;
    item.push(i);
    labeler.push(j);
    label.push(l);
  }));
  return { nItems: rows.length, nLabelers: rows[0]?.length ?? 0, nClasses, item: Int32Array.from(item), labeler: Int32Array.from(labeler), label: Int32Array.from(label) };
}

// Oracle: an independent numpy 2.4.6 implementation of Dawid & Skene (1979) EM (soft-majority start,
// pseudo-count 0.01 per confusion cell, stop when |Δ log-lik| ≤ 1e-12) on this 12 items × 4 labelers
// × 3 classes table (-1 = not labeled): converged after 11 E-steps, log-lik -30.317928106804068,
// priors [0.33333199684805453, 0.3333362242704714, 0.33333177888147403], labeler 4's confusion row for
// true class 0 = [0.4987631686271215, 0.25062276355530083, 0.2506140678175777], posterior of item 4
// = [0.9999889169370338, 1.1041658522493237e-05, 4.140444363804067e-08].
const TABLE = [
  [0, 0, 0, 1], [1, 1, 2, 1], [2, 2, 2, 2], [0, 1, 0, 0], [1, 1, 1, -1], [2, 1, 2, 2],
  [0, 0, -1, 2], [1, 2, 1, 1], [2, 2, 1, 2], [0, 0, 0, 0], [1, -1, 1, 0], [2, 2, 2, -1],
];

describe('dawidSkene', () => {
  it('matches an independent EM implementation', () => {
    const r = dawidSkene(fromMatrix(TABLE, 3), { smoothing: 0.01, tolerance: 1e-12, maxIterations: 1000 });
    expect(r.converged).toBe(true);
    expect(r.iterations).toBe(11);
    expect(r.logLikelihoods.at(-1)).toBeCloseTo(-30.317928106804068, 9);
    [0.33333199684805453, 0.3333362242704714, 0.33333177888147403].forEach((p, k) => expect(r.priors[k]).toBeCloseTo(p, 10));
    [0.4987631686271215, 0.25062276355530083, 0.2506140678175777].forEach((p, l) => expect(r.confusion[(3 * 3 + 0) * 3 + l]).toBeCloseTo(p, 10));
    [0.9999889169370338, 1.1041658522493237e-05, 4.140444363804067e-08].forEach((p, k) => expect(r.posteriors[3 * 3 + k]).toBeCloseTo(p, 10));
  });

  it('never decreases the log-likelihood without smoothing, the default (EM monotonicity)', () => {
    const r = dawidSkene(fromMatrix(TABLE, 3), { tolerance: 1e-14 });
    for (let t = 1; t < r.logLikelihoods.length; t++) expect(r.logLikelihoods[t]!).toBeGreaterThanOrEqual(r.logLikelihoods[t - 1]! - 1e-9);
  });

  it('is equivariant to relabelling the classes', () => {
    const swap = [2, 0, 1];
    const a = dawidSkene(fromMatrix(TABLE, 3));
    const b = dawidSkene(fromMatrix(TABLE.map((row) => row.map((l) => (l < 0 ? l : swap[l]!))), 3));
    for (let k = 0; k < 3; k++) expect(b.priors[swap[k]!]).toBeCloseTo(a.priors[k]!, 10);
  });

  it('recovers planted confusion matrices and priors, and beats majority vote', () => {
    // 600 items, prior P(class 1) = 0.7; five labelers of accuracy 0.9 … 0.6 with a lenient one who
    // calls 45% of true 0s a 1. Estimates must land within simulation error of the truth.
    const rng = createRng(7);
    const nItems = 600;
    const acc = [[0.9, 0.9], [0.85, 0.8], [0.55, 0.95], [0.7, 0.7], [0.65, 0.6]];
    const truth: number[] = [];
    const rows: number[][] = [];
    for (let i = 0; i < nItems; i++) {
      const z = rng.next() < 0.7 ? 1 : 0;
      truth.push(z);
      rows.push(acc.map((a) => (rng.next() < a[z]! ? z : 1 - z)));
    }
    const r = dawidSkene(fromMatrix(rows, 2));
    expect(r.priors[1]).toBeGreaterThan(0.64);
    expect(r.priors[1]).toBeLessThan(0.76);
    acc.forEach((a, j) => {
      expect(Math.abs(r.confusion[(j * 2 + 0) * 2 + 0]! - a[0]!)).toBeLessThan(0.08);
      expect(Math.abs(r.confusion[(j * 2 + 1) * 2 + 1]! - a[1]!)).toBeLessThan(0.06);
    });
    let dsRight = 0;
    let mvRight = 0;
    rows.forEach((row, i) => {
      if ((r.posteriors[i * 2 + 1]! > 0.5 ? 1 : 0) === truth[i]) dsRight++;
      if ((row.reduce((s, x) => s + x, 0) > 2.5 ? 1 : 0) === truth[i]) mvRight++;
    });
    expect(dsRight).toBeGreaterThanOrEqual(mvRight);
  });

  // crowd-kit (Toloka/crowd-kit, tests/aggregation/test_ds_aggregation.py, test_dawid_skene_overlap):
  // 3 tasks; worker w says "no" (class 0) on task w mod 3 and "yes" on the other two, so every task is
  // 2/3 "yes" and every worker is uninformative. DawidSkene(20) must give P(yes) = 2/3 per task and
  // priors [1/3, 2/3] (atol 0.005) at 3, 300 and 30,000 workers. A 0.01 pseudo-count per confusion cell
  // gave [0, 0, 1] at 300 workers and [1, 1, 1] at 30,000.
  it.each([3, 300, 30_000])('gives every task its 2/3 share with %i uninformative workers (crowd-kit)', (overlap) => {
    const item: number[] = [];
    const labeler: number[] = [];
    const label: number[] = [];
    for (let w = 0; w < overlap; w++) {
      for (let t = 0; t < 3; t++) {
        item.push(t);
        labeler.push(w);
        label.push((w - t) % 3 === 0 ? 0 : 1);
      }
    }
    const r = dawidSkene({ nItems: 3, nLabelers: overlap, nClasses: 2, item: Int32Array.from(item), labeler: Int32Array.from(labeler), label: Int32Array.from(label) }, { maxIterations: 20 });
    for (let t = 0; t < 3; t++) expect(Math.abs(r.posteriors[t * 2 + 1]! - 2 / 3)).toBeLessThan(0.005);
    expect(Math.abs(r.priors[1]! - 2 / 3)).toBeLessThan(0.005);
  });

  // crowd-kit test_dawid_skene_step_by_step (same file): 5 tasks × 5 workers, classes no = 0, yes = 1
  // (w3 did not label t1). After one EM round (errors from the majority vote, then an E-step) the task
  // posteriors are probas_iter_1 and the worker errors errors_iter_0; after two, errors_iter_1 and
  // priors_iter_1. crowd-kit indexes errors [worker, observed][true]; here rows are the true class.
  it('follows crowd-kit step by step', () => {
    const NO = 0;
    const YES = 1;
    const rows = [
      [NO, YES, -1, YES, NO], [YES, YES, YES, NO, NO], [YES, NO, NO, YES, NO], [YES, YES, YES, YES, YES], [YES, NO, NO, NO, NO],
    ];
    const one = dawidSkene(fromMatrix(rows, 2), { maxIterations: 1 });
    [[0.35, 0.65], [0.26, 0.74], [0.87, 0.13], [0.0, 1.0], [0.95, 0.05]].forEach((p, t) => {
      p.forEach((v, k) => expect(Math.abs(one.posteriors[t * 2 + k]! - v)).toBeLessThan(0.005));
    });
    // errors_iter_0, as [P(no | true no), P(no | true yes)] per worker.
    [[0.22, 0.19], [0.61, 0.22], [0.78, 0.27], [0.52, 0.3], [1.0, 0.63]].forEach(([noNo, noYes], w) => {
      expect(Math.abs(one.confusion[(w * 2 + NO) * 2 + NO]! - noNo!)).toBeLessThan(0.005);
      expect(Math.abs(one.confusion[(w * 2 + YES) * 2 + NO]! - noYes!)).toBeLessThan(0.005);
    });
    expect(Math.abs(one.priors[NO]! - 0.46)).toBeLessThan(0.005);
    const two = dawidSkene(fromMatrix(rows, 2), { maxIterations: 2 });
    [[0.14, 0.25], [0.75, 0.07], [0.87, 0.09], [0.5, 0.31], [1.0, 0.61]].forEach(([noNo, noYes], w) => {
      expect(Math.abs(two.confusion[(w * 2 + NO) * 2 + NO]! - noNo!)).toBeLessThan(0.005);
      expect(Math.abs(two.confusion[(w * 2 + YES) * 2 + NO]! - noYes!)).toBeLessThan(0.005);
    });
    expect(Math.abs(two.priors[NO]! - 0.49)).toBeLessThan(0.005);
  });

  it('rejects out-of-range labels', () => {
    expect(() => dawidSkene({ nItems: 1, nLabelers: 1, nClasses: 2, item: Int32Array.of(0), labeler: Int32Array.of(0), label: Int32Array.of(2) })).toThrow(RangeError);
  });
});
