import { ConfigError } from '../errors/touchstone-error.js';
import { benjaminiHochberg } from '../stats/benjamini-hochberg.js';
import { compareGroup, type GroupComparison } from './compare-group.js';
import { DiffOptionsSchema, type DiffOptions, type DiffOptionsInput } from './diff-options.js';
import { NO_SLICE, OVERALL, type DiffReport, type GoldCheck, type SliceDiff } from './diff-report.js';
import type { EvalRun, RunMetric } from './eval-run.js';
import { pairRuns, type ItemPair } from './pair-runs.js';
import { sliceMde } from './slice-mde.js';
import { verdictOf } from './verdict.js';

const EXAMPLES = 10;

/**
 * The paired differential of two eval runs, overall and per slice: each group's delta with its
 * interval, one-sided regression/improvement p-values Benjamini–Hochberg-adjusted over the family
 * {overall, slices…}, the minimum detectable effect, and a verdict. Pure: the gold check is passed in.
 * @throws DataError when the runs share no metric or no item; ConfigError on bad options
 */
export function diffRuns(baseline: EvalRun, candidate: EvalRun, input: DiffOptionsInput = {}, gold?: { check: GoldCheck; affected: ReadonlySet<string> }): DiffReport {
  const parsed = DiffOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError('DIFF_OPTION', `diff option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const options = parsed.data;
  const paired = pairRuns(baseline, candidate);
  const { metric, pairs } = paired;
  const unit = metric === 'pass' ? 100 : 1;
  if (metric === 'pass' && (options.tolerance >= 100 || Object.values(options.sliceTolerances).some((t) => t >= 100))) {
    throw new ConfigError('DIFF_TOLERANCE', 'tolerance is in points of pass rate and must be below 100');
  }
  const toleranceOf = (slice: string | null): number => (slice === null ? options.tolerance : (options.sliceTolerances[slice] ?? options.tolerance)) / unit;

  const groups = new Map<string, ItemPair[]>();
  if (options.by === 'slice' && pairs.some((p) => p.slice !== null)) {
    for (const p of pairs) {
      const key = p.slice ?? NO_SLICE;
      const list = groups.get(key);
      if (list === undefined) groups.set(key, [p]);
      else list.push(p);
    }
  }
  const names = [...groups.keys()].sort();
  const compare = (list: readonly ItemPair[], slice: string | null, seedOffset: number): GroupComparison =>
    compareGroup(list, metric, { tolerance: toleranceOf(slice), confidence: options.confidence, bootstrapResamples: options.bootstrapResamples, seed: options.seed + seedOffset });
  const overall = compare(pairs, null, 0);
  const bySlice = names.map((name, i) => compare(groups.get(name) ?? [], name, i + 1));
  const all = [overall, ...bySlice];
  const qReg = benjaminiHochberg(all.map((g) => g.pRegression));
  const qImp = benjaminiHochberg(all.map((g) => g.pImprovement));
  const family = all.length;
  const toDiff = (g: GroupComparison, slice: string | null, i: number): SliceDiff => {
    const tolerance = toleranceOf(slice);
    const base = { q_regression: qReg[i] ?? 1, q_improvement: qImp[i] ?? 1, delta: g.delta, tolerance };
    return {
      slice, n: g.n, baseline: g.baseline, candidate: g.candidate, delta: g.delta, ci_low: g.ci[0], ci_high: g.ci[1], tolerance,
      p_regression: g.pRegression, q_regression: base.q_regression, p_improvement: g.pImprovement, q_improvement: base.q_improvement,
      mde: sliceMde(g.n, g.sd, overall.sd, metric, tolerance, options.alpha, family, options.power),
      verdict: verdictOf(base, options.alpha),
      wins: g.wins, losses: g.losses, test: g.test,
    };
  };
  const overallDiff = toDiff(overall, null, 0);
  const slices = bySlice.map((g, i) => toDiff(g, names[i] ?? NO_SLICE, i + 1)).sort(bySeverity);
  const regressions = [...(overallDiff.verdict === 'regression' ? [OVERALL] : []), ...slices.filter((s) => s.verdict === 'regression').map((s) => s.slice ?? NO_SLICE)];

  const warnings: string[] = [];
  const unknown = Object.keys(options.sliceTolerances).filter((s) => !groups.has(s));
  if (unknown.length > 0 && groups.size > 0) warnings.push(`tolerance configured for slices not in these runs: ${unknown.join(', ')}`);
  if (paired.sliceChanged.length > 0) warnings.push(`${paired.sliceChanged.length} items changed slice between the runs; the baseline's slice is used`);
  let check = gold?.check ?? noGoldCheck(baseline, candidate);
  if (gold !== undefined && gold.check.diff !== null) {
    const kept = pairs.filter((p) => !gold.affected.has(p.item_id));
    check = { ...check, diff: { ...gold.check.diff, paired_items_affected: pairs.length - kept.length } };
    if (kept.length > 0) {
      // A single extra test, reported beside the family: its q is its own p.
      const g = compare(kept, null, 0);
      const own = { ...toDiff(g, null, 0), q_regression: g.pRegression, q_improvement: g.pImprovement };
      check = { ...check, overall_unchanged_gold: { ...own, verdict: verdictOf(own, options.alpha) } };
    }
  }

  return {
    baseline: ref(baseline),
    candidate: ref(candidate),
    metric,
    by: options.by,
    alpha: options.alpha,
    confidence: options.confidence,
    method: methodOf(metric, options, family),
    verdict: regressions.length > 0 ? 'regression' : overallDiff.verdict === 'improvement' || slices.some((s) => s.verdict === 'improvement') ? 'improvement' : 'no change',
    regressions,
    overall: overallDiff,
    slices,
    paired: pairs.length,
    only_baseline: { count: paired.onlyBaseline.length, examples: paired.onlyBaseline.slice(0, EXAMPLES) },
    only_candidate: { count: paired.onlyCandidate.length, examples: paired.onlyCandidate.slice(0, EXAMPLES) },
    slice_changed: { count: paired.sliceChanged.length, examples: paired.sliceChanged.slice(0, EXAMPLES) },
    gold: check,
    warnings,
  };
}

function bySeverity(a: SliceDiff, b: SliceDiff): number {
  const rank = (s: SliceDiff): number => (s.verdict === 'regression' ? 0 : 1);
  return rank(a) - rank(b) || a.delta - b.delta || String(a.slice).localeCompare(String(b.slice));
}

function ref(run: EvalRun): DiffReport['baseline'] {
  return { name: run.name, source: run.source, n_items: run.items.length, gold_set: run.gold_set, gold_snapshot: run.gold_snapshot };
}

function methodOf(metric: RunMetric, options: DiffOptions, family: number): DiffReport['method'] {
  const tolerances = [options.tolerance, ...Object.values(options.sliceTolerances)];
  const mcnemar = 'one-sided exact McNemar (binomial on discordant pairs)';
  const tango = 'one-sided Tango score test against −tolerance';
  return metric === 'pass'
    ? {
        regression_test: tolerances.every((t) => t === 0) ? mcnemar : tolerances.every((t) => t > 0) ? tango : `${mcnemar} where the tolerance is 0, else ${tango}`,
        improvement_test: 'one-sided exact McNemar',
        interval: `Tango score interval, ${100 * options.confidence}%`,
        multiple_testing: 'Benjamini–Hochberg over overall + slices',
        family_size: family,
      }
    : {
        regression_test: 'one-sided Wilcoxon signed-rank of d + tolerance',
        improvement_test: 'one-sided Wilcoxon signed-rank',
        interval: `paired percentile bootstrap of the mean difference, ${100 * options.confidence}%, ${options.bootstrapResamples} resamples`,
        multiple_testing: 'Benjamini–Hochberg over overall + slices',
        family_size: family,
      };
}

/** The gold check when no store was consulted: same tag, different tags, or a run that cites none. */
export function noGoldCheck(baseline: EvalRun, candidate: EvalRun): GoldCheck {
  const a = baseline.gold_snapshot;
  const b = candidate.gold_snapshot;
  return {
    status: a === null || b === null ? 'unknown' : a === b ? 'same' : 'changed',
    gold_set: baseline.gold_set ?? candidate.gold_set,
    baseline_snapshot: a,
    candidate_snapshot: b,
    diff: null,
    overall_unchanged_gold: null,
    note: a === null && b === null ? null : a === null || b === null ? `only the ${a === null ? 'candidate' : 'baseline'} names its gold snapshot; cannot check that both were scored against the same gold` : null,
  };
}
