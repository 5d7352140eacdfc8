import { parseDuration, sql, UsageError, type Sql, type Store } from '@touchstone/core';

/** The latest request in traffic and how many requests fall in [since, until). */
export function trafficInWindowSql(since: string, until: string): Sql {
  return sql(`SELECT max(ts) AS last, count(*) FILTER (WHERE ts >= $1::TIMESTAMPTZ AND ts < $2::TIMESTAMPTZ) AS n FROM traffic`, [since, until]);
}

export interface WindowEnd {
  /** The end of the window: the current time, or just after the last request when that window is empty. */
  readonly now: string;
  /** The latest request, when the current time's window held no traffic and ended at the data instead. */
  readonly lastRequest: string | null;
}

/**
 * Where a `--window` ends when `--now` is not given: at the current time, unless that window holds no
 * traffic and all traffic is older — historical data, the demo — in which case it ends at the next
 * whole second after the last request (windows are [start, end), so the last request is in).
 * @throws UsageError when the window is not a duration like 7d
 */
export async function windowEnd(store: Store, window: string, wallClock = new Date()): Promise<WindowEnd> {
  let ms: number;
  try {
    ms = parseDuration(window);
  } catch {
    throw new UsageError('BAD_OPTION', `--window expects a duration like 90m, 24h, 7d or 2w, got "${window}"`);
  }
  const now = wallClock.toISOString();
  const [row] = await store.all<{ last: string | null; n: number | bigint }>(trafficInWindowSql(new Date(wallClock.getTime() - ms).toISOString(), now));
  if (row === undefined || row.last === null || Number(row.n) > 0) return { now, lastRequest: null };
  const last = Date.parse(row.last);
  if (!(last < wallClock.getTime())) return { now, lastRequest: null };
  return { now: new Date(Math.floor(last / 1000) * 1000 + 1000).toISOString(), lastRequest: new Date(last).toISOString() };
}

/** The note a command prints (stderr) when its window ends at the data rather than the current time. */
export function windowEndNote(command: string, window: string, end: WindowEnd): string | null {
  if (end.lastRequest === null) return null;
  return `${command}: no traffic in the ${window} before the current time; the window ends after the last request (${end.lastRequest}) instead: --now ${end.now}. Pass --now to choose the end.\n`;
}
