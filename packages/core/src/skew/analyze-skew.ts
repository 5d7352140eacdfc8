import { agreementOn } from './agreement.js';
import { CAVEATS } from './caveats.js';
import { chooseComparison } from './choose-comparison.js';
import { FAIL, PASS, UNDECIDED, baselineConsensus } from './consensus.js';
import { concentration } from './concentration.js';
import { dawidSkeneSummary } from './dawid-skene-summary.js';
import { buildFlags, isFlagged } from './findings.js';
import { itemsByLabeler, leaveOneOutImpact } from './leave-one-out.js';
import { labelerRows } from './labeler-rows.js';
import { P_VALUE_METHOD } from './leniency-tests.js';
import { pairwiseKappa } from './pairwise-kappa.js';
import type { SkewData } from './skew-data.js';
import type { ResolvedSkewOptions } from './skew-options.js';
import { SkewReportSchema, type SkewReport } from './skew-report.js';
import { runTestFamily } from './run-tests.js';
import { IMPACT_METHOD } from './impact-method.js';
import { skewImpacts } from './skew-impacts.js';

/**
 * The labeler-skew report from a gold set's labels in memory (pure: no store). Leniency per labeler
 * and labeler × slice against the chosen comparison, drift and fatigue trends, one
 * Benjamini–Hochberg family over all of them with the guideline-shift tests, counterfactual impact
 * of every labeler and flag (and leave-one-labeler-out dependence), agreement with bootstrap
 * intervals, Dawid–Skene, concentration.
 */
export function analyzeSkew(data: SkewData, options: ResolvedSkewOptions): SkewReport {
  const nItems = data.itemStart.length - 1;
  const summary = chooseComparison(data);
  const { leniency, tests, q, excludedFromPeers, adjustedFor } = runTestFamily(data, summary.comparison, options);

  const baseline = baselineConsensus(data);
  const byLabeler = itemsByLabeler(data);
  const flagged = tests.map((t, k) => isFlagged(t, q[k]!, options));
  const impacts = skewImpacts(data, baseline, byLabeler, tests, flagged);
  const flags = buildFlags(data, tests, q, { alpha: options.alpha, minEffect: options.minEffect, comparison: summary.comparison, goldSet: options.goldSet }, impacts.test);
  const ds = dawidSkeneSummary(data);
  const leaveOneOut = (j: number): ReturnType<typeof leaveOneOutImpact> => leaveOneOutImpact(data, baseline, byLabeler, j, -1);
  const labelers = labelerRows(data, leniency, tests, q, flags, byLabeler, impacts.labeler, impacts.labelerBySlice, leaveOneOut, ds);

  const allItems = Int32Array.from({ length: nItems }, (_, i) => i);
  const perSlice = data.sliceNames.map((name, s) => ({ name, items: allItems.filter((i) => data.itemSlice[i] === s) }));
  let passes = 0;
  let decided = 0;
  let undecided = 0;
  for (const code of baseline) {
    if (code === PASS) passes += 1;
    if (code === PASS || code === FAIL) decided += 1;
    if (code === UNDECIDED) undecided += 1;
  }
  return SkewReportSchema.parse({
    gold_set: options.goldSet,
    scale: data.scale,
    design: {
      comparison: summary.comparison,
      caveat: CAVEATS[summary.comparison],
      items: nItems,
      labels: data.value.length,
      labelers: data.labelerIds.length,
      multi_labeled_items: summary.multiLabeledItems,
      single_labeled_items: summary.singleLabeledItems,
      share_labels_with_peers: summary.shareWithPeers,
      judge: summary.comparison === 'judge_adjusted_slice_peers' ? data.judgeName : null,
    },
    method: {
      fdr_alpha: options.alpha,
      permutations: options.permutations,
      seed: options.seed,
      bootstrap_replicates: options.bootstrap,
      min_labels: options.minLabels,
      min_effect: options.minEffect,
      n_tests: tests.length,
      excluded_from_peers: excludedFromPeers.map((j) => data.labelerIds[j]!),
      p_value: P_VALUE_METHOD,
      adjusted_for_guideline: adjustedFor.map((t) => ({ slice: data.sliceNames[t.slice] ?? null, older: data.versionNames[t.version]!, latest: data.versionNames[t.against]!, shift: t.effect })),
      impact: IMPACT_METHOD,
    },
    agreement: {
      ...agreementOn(data, allItems, options.bootstrap, options.seed),
      per_slice: perSlice.length > 1
        ? perSlice.filter((s) => s.items.length > 1).map((s, k) => ({ slice: s.name, ...agreementOn(data, s.items, options.bootstrap, options.seed + 1 + k) }))
        : [],
      pairwise_cohen: pairwiseKappa(data, options.minShared),
    },
    consensus: {
      method: consensusMethod(data),
      pass_rate: decided === 0 ? null : passes / decided,
      undecided_items: undecided,
      dawid_skene: ds === null ? null : { classes: ds.classes, priors: ds.priors, iterations: ds.iterations, converged: ds.converged, pass_rate: ds.pass_rate },
    },
    labelers,
    flags,
    concentration: concentration(data, byLabeler, flags),
  });
}

function consensusMethod(data: SkewData): string {
  switch (data.scale.kind) {
    case 'binary':
      return 'majority (a tie is no consensus)';
    case 'ordinal':
    case 'interval':
      return 'median against the pass threshold';
    case 'nominal':
      return 'mode (ties to the category listed first)';
  }
}
