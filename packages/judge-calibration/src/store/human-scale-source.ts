import { humanScaleStrata, resolvePassRule, type Store } from '@touchstone/core';
import type { GoldSet, HumanScale } from '@touchstone/core/schemas';
import type { CalibrationPair } from '../calibration/calibration-pair.js';
import { humanScaleEstimates } from '../correction/human-scale-estimates.js';
import { goldSlicesSql } from './pairs-sql.js';

export interface UnlabeledRow {
  readonly judge_score: number;
  readonly slice: string | null;
  readonly weight: number;
}

/**
 * `judge correct`'s human-scale estimates: the gold pairs and the judge's verdicts on the unlabeled
 * items, stratified by slice (shares of the unlabeled items, weighted) when every one carries a slice
 * gold has pairs for. Nominal gold sets have no numeric pass rule for the judge, so none is computed.
 */
export async function humanScaleFor(store: Store, goldSet: GoldSet, judge: string, pairs: readonly CalibrationPair[], rows: readonly UnlabeledRow[], o: { confidence: number; resamples?: number; seed?: number }): Promise<HumanScale | null> {
  if (goldSet.scale.kind === 'nominal') return null;
  const slices = new Map((await store.all<{ item_id: string; slice: string | null }>(goldSlicesSql(goldSet.scale, goldSet.name))).map((r) => [r.item_id, r.slice]));
  const gold = pairs.map((p) => ({ slice: slices.get(p.item_id) ?? null, pass: p.human_pass ?? null, judge_score: p.judge }));
  const shares = new Map<string, number>();
  let noSlice = 0;
  for (const r of rows) {
    if (r.slice === null) noSlice += r.weight;
    else shares.set(r.slice, (shares.get(r.slice) ?? 0) + r.weight);
  }
  const strata = humanScaleStrata(gold, rows, shares, noSlice, resolvePassRule(goldSet.scale, {}));
  return humanScaleEstimates({ judge, ...strata, confidence: o.confidence, ...(o.resamples === undefined ? {} : { resamples: o.resamples }), ...(o.seed === undefined ? {} : { seed: o.seed }) });
}
