import { DataError, requireGoldSet, StoreError, type Store } from '@touchstone/core';
import type { GoldSet } from '@touchstone/core/schemas';
import type { Candidate } from '../calibration/next-labels.js';
import type { CalibrationPair } from '../calibration/calibration-pair.js';
import type { PairCoverage } from '../calibration/judge-calibration-result.js';
import { judgePairsSql, judgesSql, pairCoverageSql, unlabeledCandidatesSql, type JudgeSource } from './pairs-sql.js';
import { convertScore } from '@touchstone/core';

export interface LoadedPairs {
  readonly goldSet: GoldSet;
  readonly pairs: CalibrationPair[];
  readonly candidates: Candidate[];
  readonly coverage: PairCoverage;
}

interface PairRow {
  item_id: string;
  judge_value: number | null;
  judge_text: string | null;
  human_value: number | null;
  human_text: string | null;
  human_pass: boolean | null;
  labeler_id: string | null;
  [key: string]: unknown;
}

/**
 * Reads a judge's scores on a gold set and pairs them with the human side (consensus or every label).
 * @throws StoreError GOLD_NOT_FOUND, JUDGE_NOT_FOUND (listing the judges that have scores)
 * @throws DataError JUDGE_OFF_SCALE when a judge score is off the gold set's scale (names the items)
 */
export async function loadJudgePairs(store: Store, source: JudgeSource, pairing: 'consensus' | 'all'): Promise<LoadedPairs> {
  const goldSet = await requireGoldSet(store, source.goldSet);
  const scale = goldSet.scale;
  await requireJudge(store, source);
  const rows = await store.all<PairRow>(judgePairsSql(scale, source, pairing));
  const problems: string[] = [];
  const pairs: CalibrationPair[] = [];
  for (const r of rows) {
    const j = convertScore(scale, r.judge_value, r.judge_text);
    const h = convertScore(scale, r.human_value, r.human_text);
    if ('reason' in j) {
      problems.push(`item ${r.item_id}: judge score ${j.reason}`);
      continue;
    }
    if ('reason' in h) continue;
    pairs.push({
      item_id: r.item_id,
      judge: j.value,
      human: h.value,
      judge_pass: j.pass,
      human_pass: r.human_pass ?? h.pass,
      ...(r.labeler_id === null ? {} : { labeler_id: r.labeler_id }),
    });
  }
  const candidateRows = await store.all<PairRow>(unlabeledCandidatesSql(source));
  const candidates: Candidate[] = [];
  for (const r of candidateRows) {
    const j = convertScore(scale, r.judge_value, r.judge_text);
    if ('reason' in j) problems.push(`item ${r.item_id}: judge score ${j.reason}`);
    else candidates.push({ item_id: r.item_id, judge: j.value });
  }
  if (problems.length > 0) {
    throw new DataError(
      'JUDGE_OFF_SCALE',
      `${problems.length} score(s) of judge "${source.judge}" do not fit gold set "${source.goldSet}"'s scale ${JSON.stringify(scale)}: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}`,
      { details: problems.slice(0, 20).map((p) => ({ field: 'score', reason: p })) },
    );
  }
  const [c] = await store.all<{ judge_scored: number; judge_scored_labeled: number; labeled_not_scored: number; no_consensus: number }>(pairCoverageSql(scale, source));
  return {
    goldSet,
    pairs,
    candidates,
    coverage: {
      judge_scored: c?.judge_scored ?? 0,
      judge_scored_labeled: c?.judge_scored_labeled ?? 0,
      labeled_not_scored: c?.labeled_not_scored ?? 0,
      no_consensus: c?.no_consensus ?? 0,
      pairs: pairs.length,
    },
  };
}

async function requireJudge(store: Store, source: JudgeSource): Promise<void> {
  const judges = await store.all<{ judge: string; on_gold: number; unassigned: number }>(judgesSql(source.goldSet));
  const me = judges.find((j) => j.judge === source.judge);
  if (me !== undefined && me.on_gold > 0) return;
  const onGold = judges.filter((j) => j.on_gold > 0).map((j) => j.judge);
  const hint =
    me !== undefined && me.unassigned > 0
      ? `; its ${me.unassigned} score(s) were ingested without --gold: re-run touchstone ingest judge FILE --judge ${source.judge} --gold ${source.goldSet}`
      : onGold.length > 0
        ? `; judges with scores on it: ${onGold.join(', ')}`
        : `; import scores with touchstone ingest judge FILE --judge NAME --gold ${source.goldSet}`;
  throw new StoreError('JUDGE_NOT_FOUND', `no scores from judge "${source.judge}" on gold set "${source.goldSet}"${hint}`);
}
