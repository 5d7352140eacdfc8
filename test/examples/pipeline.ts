import { decideGuard, ingestJudge, ingestLabels, openStore, parseScaleSpec, passes, skew, verify, type schemas } from '@touchstone/core';
import { correctedPassRate, type CorrectedPassRate } from '@touchstone/judge-calibration';
import { calibrateJudge, loadJudgePairs } from '@touchstone/judge-calibration/store';

export interface PipelineInput {
  /** The Touchstone store (a DuckDB file, created on first use). */
  readonly db: string;
  /** Gold labels and the judge's scores on the gold items, as JSONL. */
  readonly goldLabels: string;
  readonly judgeScores: string;
  readonly judge: string;
  /** The judge's 1–5 scores on this eval run's outputs, which no human has labeled. */
  readonly runScores: readonly number[];
}

export type PipelineReport =
  | { readonly ok: false; readonly guard: schemas.GuardResult }
  | { readonly ok: true; readonly guard: schemas.GuardResult; readonly observedPassRate: number; readonly corrected: CorrectedPassRate };

const GOLD = 'support';
const SCALE = parseScaleSpec('ordinal:1-5', 4);

/** An eval pipeline step: trust the gold set and the judge before using the judge's pass rate. */
export async function evalPipeline(input: PipelineInput): Promise<PipelineReport> {
  const store = await openStore(input.db);
  try {
    // 1. Ingest: each file becomes one hash-chained batch (all or nothing).
    await ingestLabels(store, { file: input.goldLabels, goldSet: GOLD, scale: SCALE, actor: 'eval-ci' });
    await ingestJudge(store, { file: input.judgeScores, goldSet: GOLD, judge: input.judge, actor: 'eval-ci' });

    // 2. The three reports the guard decides on (each the same JSON as the CLI's --json).
    const integrity = await verify(store, GOLD);
    const labelers = await skew(store, { goldSet: GOLD, seed: 1 });
    const calibration = await calibrateJudge(store, { gold: GOLD, judge: input.judge, seed: 1 });

    // 3. Guard: untampered gold, no flagged labeler that moves it, judge trusted where we pass items (4 and 5).
    const guard = decideGuard({ verify: integrity, skew: labelers }, { goldSet: GOLD, calibration, requiredBands: ['4', '5'] });
    if (!guard.ok) return { ok: false, guard };

    // 4. The run's pass rate by the judge, corrected for the judge's errors on the gold set (Rogan–Gladen:
    //    assumes the judge's true-positive and true-negative rates on the gold set carry over to the run).
    const { pairs } = await loadJudgePairs(store, { goldSet: GOLD, judge: input.judge }, 'consensus');
    const labels = pairs.map((p) => (p.human_pass === true ? 1 : 0));
    const predictions = pairs.map((p) => (p.judge_pass === true ? 1 : 0));
    const run = input.runScores.map((score) => (passes(SCALE, score, null) === true ? 1 : 0));
    const observedPassRate = run.reduce<number>((sum, x) => sum + x, 0) / run.length;
    const corrected = correctedPassRate({ labels, predictions, unlabeledPredictions: run, seed: 1 });
    return { ok: true, guard, observedPassRate, corrected };
  } finally {
    store.close();
  }
}
