import { literal } from '../store/sql.js';

export interface TrafficWindow {
  /** Inclusive start, ISO 8601. */
  readonly start: string;
  /** Exclusive end, ISO 8601. */
  readonly end: string;
}

/** The SQL expression naming a traffic row's stratum: its slice or one metadata value; missing → '(none)'. */
export function stratumSql(stratifyBy: string, alias = 't'): string {
  if (stratifyBy === 'slice') return `coalesce(${alias}.slice, '(none)')`;
  const key = stratifyBy.slice('metadata.'.length).replaceAll('"', '');
  return `coalesce(json_extract_string(${alias}.metadata, ${literal(`$."${key}"`)}), '(none)')`;
}

export function windowWhereSql(window: TrafficWindow, alias = 't'): string {
  return `${alias}.ts >= ${literal(window.start)}::TIMESTAMPTZ AND ${alias}.ts < ${literal(window.end)}::TIMESTAMPTZ`;
}

/** Rows per stratum in the window and the judge pass rate there (for Neyman's S_h = sqrt(p(1 − p))). */
export function strataSql(window: TrafficWindow, stratifyBy: string, passThreshold: number): string {
  return `SELECT ${stratumSql(stratifyBy)} AS stratum, count(*) AS n,
      count(t.judge_score) AS n_scored, count(*) FILTER (WHERE t.judge_score >= ${Number(passThreshold)}) AS n_pass
    FROM traffic t WHERE ${windowWhereSql(window)} GROUP BY ALL ORDER BY stratum`;
}

/**
 * Candidate rows: per stratum the first `limit` rows in the seeded order md5(id | epoch_ms(ts) | seed)
 * — a pseudo-random permutation that depends only on each row's identity and the seed, so the same
 * traffic gives the same sample whatever order it was ingested in. Ties (identical id and time) break on seq.
 */
export function candidatesSql(window: TrafficWindow, stratifyBy: string, seed: string, limits: ReadonlyMap<string, number>): string {
  const values = [...limits].filter(([, n]) => n > 0).map(([k, n]) => `(${literal(k)}, ${Math.floor(n)})`);
  if (values.length === 0) return `SELECT NULL LIMIT 0`;
  return `WITH lim(stratum, n) AS (VALUES ${values.join(', ')}),
    ranked AS (
      SELECT t.seq, t.id, t.ts, t.input, t.output, t.slice, t.judge_score, t.metadata, t.batch_id,
        ${stratumSql(stratifyBy)} AS stratum,
        row_number() OVER (PARTITION BY ${stratumSql(stratifyBy)}
          ORDER BY md5_number(concat(t.id, '|', epoch_ms(t.ts), '|', ${literal(seed)})), t.seq) AS rank
      FROM traffic t WHERE ${windowWhereSql(window)})
    SELECT r.seq, r.id, r.ts, r.input, r.output, r.slice, r.judge_score, r.metadata, r.batch_id, e.embedding, r.stratum, r.rank,
      length(r.input) AS input_chars, length(r.output) AS output_chars
    FROM ranked r JOIN lim USING (stratum)
    -- Embeddings are read for the drawn rows only, not carried through the window's ranking.
    LEFT JOIN traffic e ON e.seq = r.seq
    WHERE r.rank <= lim.n
    ORDER BY r.stratum, r.rank`;
}
