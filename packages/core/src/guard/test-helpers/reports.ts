import { VerifyReportSchema, type VerifyReport } from '../../integrity/verify-report.js';
import { SkewReportSchema, type SkewFlag, type SkewReport } from '../../skew/skew-report.js';
import type { GuardCalibration } from '../guard-options.js';

/** A verify report of gold set `gold`, intact unless findings are given; validated by its schema. */
export function verifyReport(gold: string, findings: VerifyReport['findings'] = []): VerifyReport {
  return VerifyReportSchema.parse({
    intact: findings.length === 0,
    gold_set: gold,
    batches_checked: 3,
    rows_checked: { labels: 600, traffic: 0, judge_scores: 0 },
    head_hash: 'a'.repeat(64),
    findings,
  });
}

/** A skew flag of `labeler` with the given leave-one-out impact. */
export function flag(labeler: string, impact: { flipped: number; shift: number; dropped?: number }, extra: Partial<SkewFlag> = {}): SkewFlag {
  return {
    labeler_id: labeler,
    slice: null,
    kind: 'leniency',
    direction: 'lenient',
    effect: 0.3,
    ci: [0.2, 0.4],
    n: 80,
    p_value: 0.0001,
    p_permutation: 0.001,
    q_value: 0.0012,
    comparison: 'co_labelers',
    basis: 'labels',
    caveat: 'compared with co-labelers on the same items',
    impact: { flipped_items: impact.flipped, pass_rate_shift: impact.shift, relabel_items: ['i1', 'i2'], corrections: [{ slice: null, bias: 0.3 }], reference: null, times_reference: null },
    versions: null,
    action: `touchstone gold snapshot g --tag without-${labeler} --exclude-labeler ${labeler}`,
    ...extra,
  };
}

/** A skew report of `gold` with `items` items and these flags; validated by its schema. */
export function skewReport(gold: string, items: number, flags: SkewFlag[]): SkewReport {
  const coefficient = { value: 0.71, ci: null };
  return SkewReportSchema.parse({
    gold_set: gold,
    scale: { kind: 'binary' },
    design: { comparison: 'co_labelers', caveat: '', items, labels: items * 3, labelers: 4, multi_labeled_items: items, single_labeled_items: 0, share_labels_with_peers: 1, judge: null },
    method: { fdr_alpha: 0.05, permutations: 1000, seed: 1, bootstrap_replicates: 0, min_labels: 10, min_effect: 0, n_tests: 8, excluded_from_peers: [], p_value: 'permutation', adjusted_for_guideline: [], impact: 'counterfactual' },
    agreement: { n_items: items, krippendorff_alpha: { ...coefficient, metric: 'nominal' }, fleiss_kappa: null, gwet: null, per_slice: [], pairwise_cohen: null },
    consensus: { method: 'majority', pass_rate: 0.6, undecided_items: 0, dawid_skene: null },
    labelers: [],
    flags,
    concentration: { largest_labeler: null, largest_share: 0.3, herfindahl: 0.25, headline: null },
  });
}

type Band = GuardCalibration['bands'][number];

/** A judge calibration with bands 1–5 whose verdicts are given in order. */
export function calibration(judge: string, verdicts: readonly Band['verdict'][]): GuardCalibration {
  return {
    judge,
    target: 0.8,
    bands: verdicts.map((verdict, i) => ({
      band: String(i + 1),
      n: verdict === 'insufficient' ? 4 : 60,
      agreement: verdict === 'untrusted' ? 0.45 : verdict === 'trusted' ? 0.97 : 0.75,
      ci: verdict === 'untrusted' ? [0.33, 0.58] : verdict === 'trusted' ? [0.89, 0.99] : [0.3, 0.95],
      verdict,
      extra_labels_needed: verdict === 'insufficient' ? 37 : null,
    })),
  };
}
