import type { ClickHouseSourceConfig } from './clickhouse-config.js';
import { clickhouseColumns } from './clickhouse-config.js';
import { clickhouseFailure } from './clickhouse-errors.js';
import { clickhouseTrafficSource, type ClickHouseExecutor } from './clickhouse-traffic-source.js';
import type { TrafficSource } from './traffic-source.js';

/**
 * A ClickHouse traffic source over the official client (`@clickhouse/client`, loaded only here, so
 * nothing else in the library or the cron path pays for it). Credentials come from the environment.
 * Before any query, one `LIMIT 0` read of every mapped column checks the table, columns and types,
 * so a bad setting is named before work starts. Everything this source does is a read: a timeout
 * or an error leaves the store untouched.
 */
export async function openClickHouseSource(config: ClickHouseSourceConfig, env: NodeJS.ProcessEnv = process.env): Promise<{ source: TrafficSource; close: () => Promise<void> }> {
  const { createClient, ClickHouseLogLevel } = await import('@clickhouse/client');
  const client = createClient({
    url: config.url,
    database: config.database,
    username: env[config.user_env] ?? 'default',
    password: env[config.password_env] ?? '',
    request_timeout: config.request_timeout_ms,
    clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
    // The client logs failures to the console itself; Touchstone reports them once, by setting.
    log: { level: ClickHouseLogLevel.OFF },
  });
  const where = { url: config.url, database: config.database, table: config.table };
  const run: ClickHouseExecutor = async (sql) => {
    try {
      const result = await client.query({ query: sql, format: 'JSONEachRow' });
      return await result.json<Record<string, unknown>>();
    } catch (error) {
      throw clickhouseFailure(error, where);
    }
  };
  try {
    await run(columnCheckSql(config));
  } catch (error) {
    await client.close();
    throw error;
  }
  return { source: clickhouseTrafficSource(config, run), close: () => client.close() };
}

/** Reads every mapped column once, converted as the builders convert it, with no rows. */
export function columnCheckSql(config: Pick<ClickHouseSourceConfig, 'columns' | 'metadata_format' | 'database' | 'table' | 'where'>): string {
  const c = clickhouseColumns(config);
  return `SELECT toString(${c.id}) AS id, toDateTime64(${c.ts}, 6, 'UTC') AS ts, toString(${c.input}) AS input, CAST(${c.output} AS Nullable(String)) AS output,
    CAST(${c.slice} AS Nullable(String)) AS slice, CAST(${c.judge_score} AS Nullable(Float64)) AS judge_score,
    ${c.metadataFormat === 'map' ? `mapKeys(${c.metadata})` : `CAST(${c.metadata} AS Nullable(String))`} AS metadata
    FROM ${c.table}${c.where === null ? '' : ` WHERE ${c.where}`} LIMIT 0`;
}
