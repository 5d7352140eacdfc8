import { consensusSql, labelsAsOfSql, literal, sql, type Sql } from '@touchstone/core';
import type { Scale } from '@touchstone/core/schemas';

export interface JudgeSource {
  readonly goldSet: string;
  readonly judge: string;
}

/** The judge's latest score per item of the gold set (a re-score supersedes an older one). */
export function latestJudgeScoresSql(source: JudgeSource): string {
  return `(SELECT item_id, score_value, score_text FROM judge_scores
    WHERE gold_set = ${literal(source.goldSet)} AND judge = ${literal(source.judge)}
    QUALIFY row_number() OVER (PARTITION BY item_id ORDER BY seq DESC) = 1)`;
}

/**
 * Pairs of judge score and human score: with pairing 'consensus' the item's consensus (majority for
 * binary and nominal, median for ordinal/interval; consensusSql), with 'all' every current human
 * label as its own pair. Items without a consensus (a binary tie) are left out.
 * Columns: item_id, judge_value, judge_text, human_value, human_text, human_pass, labeler_id.
 */
export function judgePairsSql(scale: Scale, source: JudgeSource, pairing: 'consensus' | 'all'): string {
  const j = latestJudgeScoresSql(source);
  if (pairing === 'all') {
    return `SELECT j.item_id, j.score_value AS judge_value, j.score_text AS judge_text, l.label_value AS human_value,
        l.label_text AS human_text, NULL::BOOLEAN AS human_pass, l.labeler_id
      FROM ${j} j JOIN ${labelsAsOfSql({ goldSet: source.goldSet })} l USING (item_id)
      ORDER BY j.item_id, l.labeler_id`;
  }
  return `SELECT j.item_id, j.score_value AS judge_value, j.score_text AS judge_text, c.consensus_value AS human_value,
      c.consensus_text AS human_text, c.pass AS human_pass, NULL::VARCHAR AS labeler_id
    FROM ${j} j JOIN (${consensusSql(scale, { goldSet: source.goldSet })}) c USING (item_id)
    WHERE c.consensus_value IS NOT NULL OR c.consensus_text IS NOT NULL
    ORDER BY j.item_id`;
}

/**
 * How the judge's scores and the gold set's labels overlap: items the judge scored, of those the
 * ones with human labels, labeled items the judge never scored, and labeled items without a consensus.
 */
export function pairCoverageSql(scale: Scale, source: JudgeSource): string {
  const labeled = `(SELECT DISTINCT item_id FROM labels WHERE gold_set = ${literal(source.goldSet)})`;
  return `WITH j AS ${latestJudgeScoresSql(source)}, l AS ${labeled}, c AS (${consensusSql(scale, { goldSet: source.goldSet })})
    SELECT (SELECT count(*) FROM j) AS judge_scored,
      (SELECT count(*) FROM j WHERE item_id IN (SELECT item_id FROM l)) AS judge_scored_labeled,
      (SELECT count(*) FROM l WHERE item_id NOT IN (SELECT item_id FROM j)) AS labeled_not_scored,
      (SELECT count(*) FROM c WHERE consensus_value IS NULL AND consensus_text IS NULL) AS no_consensus`;
}

/** Items the judge scored that no human has labeled: the candidates for the next labels. */
export function unlabeledCandidatesSql(source: JudgeSource): string {
  return `SELECT j.item_id, j.score_value AS judge_value, j.score_text AS judge_text FROM ${latestJudgeScoresSql(source)} j
    WHERE j.item_id NOT IN (SELECT item_id FROM labels WHERE gold_set = ${literal(source.goldSet)}) ORDER BY j.item_id`;
}

/** Judges with scores on the gold set (and judges whose scores were ingested without --gold). */
export function judgesSql(goldSet: string): Sql {
  return sql(
    `SELECT judge, count(*) FILTER (WHERE gold_set = $1) AS on_gold, count(*) FILTER (WHERE gold_set IS NULL) AS unassigned
     FROM judge_scores GROUP BY judge ORDER BY judge`,
    [goldSet],
  );
}

/** The online judge's scores on traffic served in [since, until), with the request's slice. */
export function trafficJudgeScoresSql(since: string, until: string): Sql {
  return sql(`SELECT judge_score, slice FROM traffic WHERE ts >= $1::TIMESTAMPTZ AND ts < $2::TIMESTAMPTZ AND judge_score IS NOT NULL`, [since, until]);
}

/** Traffic rows in [since, until) without a judge score (reported, not used). */
export function trafficUnscoredSql(since: string, until: string): Sql {
  return sql(`SELECT count(*) AS n FROM traffic WHERE ts >= $1::TIMESTAMPTZ AND ts < $2::TIMESTAMPTZ AND judge_score IS NULL`, [since, until]);
}

/** A shadow set's items with their judge scores, sampling weights and slices. */
export function shadowJudgeScoresSql(shadowId: string): Sql {
  return sql(`SELECT judge_score, weight, slice FROM shadow_items WHERE shadow_id = $1`, [shadowId]);
}

/** Each gold item's slice, as the consensus reads it. */
export function goldSlicesSql(scale: Scale, goldSet: string): string {
  return `SELECT item_id, slice FROM (${consensusSql(scale, { goldSet })})`;
}
