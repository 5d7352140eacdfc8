import { ConfigError, StoreError, type TouchstoneError } from '../errors/touchstone-error.js';

/**
 * What a ClickHouse failure means for the user, naming the setting to fix: the server's error
 * codes (UNKNOWN_TABLE 60, UNKNOWN_DATABASE 81, UNKNOWN_IDENTIFIER 47, type errors 43/53/70/386,
 * authentication 516) are configuration; anything else (unreachable, timeout) is the store side.
 */
export function clickhouseFailure(error: unknown, where: { url: string; database: string; table: string }): TouchstoneError {
  const message = error instanceof Error ? error.message : String(error);
  const code = /Code: (\d+)/.exec(message)?.[1] ?? (error as { code?: unknown } | null)?.code;
  const first = message.split('\n')[0]?.slice(0, 300) ?? message;
  const table = `${where.database}.${where.table}`;
  switch (String(code)) {
    case '60':
      return new ConfigError('TRAFFIC_SOURCE_TABLE', `traffic_source.table: ClickHouse has no table ${table} (${first})`, { cause: error });
    case '81':
      return new ConfigError('TRAFFIC_SOURCE_DATABASE', `traffic_source.database: ClickHouse has no database "${where.database}" (${first})`, { cause: error });
    case '47':
      return new ConfigError('TRAFFIC_SOURCE_COLUMN', `traffic_source.columns: a column of ${table} does not exist (${first})`, { cause: error });
    case '43':
    case '53':
    case '70':
    case '386':
      return new ConfigError('TRAFFIC_SOURCE_TYPE', `traffic_source.columns: a column of ${table} has a type Touchstone cannot read as mapped (${first})`, { cause: error });
    case '516':
      return new ConfigError('TRAFFIC_SOURCE_AUTH', `traffic_source: ClickHouse at ${where.url} refused the credentials (set TOUCHSTONE_CLICKHOUSE_USER / TOUCHSTONE_CLICKHOUSE_PASSWORD, or the variables named by user_env / password_env)`, { cause: error });
    default:
      if (/timeout|timed out/i.test(message)) return new StoreError('TRAFFIC_SOURCE_TIMEOUT', `traffic_source: ClickHouse at ${where.url} did not answer in time (traffic_source.request_timeout_ms); nothing was stored`, { cause: error });
      if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ECONNRESET|socket hang up|fetch failed/i.test(message)) return new StoreError('TRAFFIC_SOURCE_UNREACHABLE', `traffic_source.url: cannot reach ClickHouse at ${where.url} (${first})`, { cause: error });
      return new StoreError('TRAFFIC_SOURCE_QUERY', `traffic_source: ClickHouse query on ${table} failed: ${first}`, { cause: error });
  }
}
