import { parseDuration, UsageError } from '@touchstone/core';

/**
 * The traffic window [since, until) as ISO timestamps, from explicit bounds or a duration ending at
 * `now`: `--window 7d` (m, h, d, w, as shadow build reads it) with `--now` (default the current time), or `--since`/`--until`.
 * @throws UsageError when a bound is not a timestamp, the duration is malformed, or the window is empty
 */
export function resolveWindow(o: { since?: string; until?: string; window?: string; now?: string }): { since: string; until: string } {
  const at = (name: string, v: string): number => {
    const t = Date.parse(v);
    if (Number.isNaN(t)) throw new UsageError('BAD_OPTION', `--${name} expects an ISO 8601 timestamp, got "${v}"`);
    return t;
  };
  const until = o.until !== undefined ? at('until', o.until) : o.now !== undefined ? at('now', o.now) : Date.now();
  let since: number;
  if (o.window !== undefined) {
    if (o.since !== undefined) throw new UsageError('BAD_OPTION', '--window and --since are alternatives; pass one');
    let ms: number;
    try {
      ms = parseDuration(o.window);
    } catch {
      throw new UsageError('BAD_OPTION', `--window expects a duration like 90m, 24h, 7d or 2w, got "${o.window}"`);
    }
    since = until - ms;
  } else if (o.since !== undefined) since = at('since', o.since);
  else throw new UsageError('BAD_OPTION', 'judge correct needs the unlabeled items: --shadow ID, or a traffic window (--window 7d or --since ISO)');
  if (!(since < until)) throw new UsageError('BAD_OPTION', `the traffic window is empty: ${new Date(since).toISOString()} is not before ${new Date(until).toISOString()}`);
  return { since: new Date(since).toISOString(), until: new Date(until).toISOString() };
}
