import { DataError } from '../errors/touchstone-error.js';
import type { EvalRun, RunMetric } from './eval-run.js';

/** One item scored in both runs: x in the baseline, y in the candidate (pass as 1/0). */
export interface ItemPair {
  readonly item_id: string;
  readonly slice: string | null;
  readonly x: number;
  readonly y: number;
}

export interface PairedRuns {
  readonly metric: RunMetric;
  readonly pairs: ItemPair[];
  /** Item ids in one run only, sorted. */
  readonly onlyBaseline: string[];
  readonly onlyCandidate: string[];
  /** Items whose slice differs between the runs; the baseline's slice is used. */
  readonly sliceChanged: { item_id: string; baseline: string | null; candidate: string | null }[];
}

/**
 * Pairs two runs by item_id. The metric is pass/fail when both runs have it on every item, else the
 * score. Items present in only one run are returned, never dropped silently.
 * @throws DataError DIFF_METRIC_MISMATCH (no common metric) or DIFF_NO_PAIRS (no common item)
 */
export function pairRuns(baseline: EvalRun, candidate: EvalRun): PairedRuns {
  const metric = (['pass', 'score'] as const).find((m) => baseline.metrics.includes(m) && candidate.metrics.includes(m));
  if (metric === undefined) {
    throw new DataError('DIFF_METRIC_MISMATCH', `the runs measure different things: ${describe(baseline)} gives ${baseline.metrics.join('+')}, ${describe(candidate)} gives ${candidate.metrics.join('+')}; both need pass on every record, or both score`);
  }
  const value = (i: { pass: boolean | null; score: number | null }): number => (metric === 'pass' ? (i.pass === true ? 1 : 0) : (i.score ?? Number.NaN));
  const byId = new Map(candidate.items.map((i) => [i.item_id, i]));
  const pairs: ItemPair[] = [];
  const onlyBaseline: string[] = [];
  const sliceChanged: PairedRuns['sliceChanged'] = [];
  for (const b of baseline.items) {
    const c = byId.get(b.item_id);
    if (c === undefined) {
      onlyBaseline.push(b.item_id);
      continue;
    }
    if (b.slice !== c.slice && b.slice !== null && c.slice !== null) sliceChanged.push({ item_id: b.item_id, baseline: b.slice, candidate: c.slice });
    pairs.push({ item_id: b.item_id, slice: b.slice ?? c.slice, x: value(b), y: value(c) });
  }
  const inBaseline = new Set(baseline.items.map((i) => i.item_id));
  const onlyCandidate = candidate.items.filter((i) => !inBaseline.has(i.item_id)).map((i) => i.item_id);
  if (pairs.length === 0) {
    throw new DataError('DIFF_NO_PAIRS', `no item_id appears in both runs (${describe(baseline)}: ${baseline.items.length} items, ${describe(candidate)}: ${candidate.items.length}); are they runs of the same eval set?`);
  }
  return { metric, pairs, onlyBaseline: onlyBaseline.sort(), onlyCandidate: onlyCandidate.sort(), sliceChanged };
}

function describe(run: EvalRun): string {
  return run.source === 'store' ? `run "${run.name}"` : run.name;
}
