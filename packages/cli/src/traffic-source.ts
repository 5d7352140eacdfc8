import type { schemas, TrafficSource } from '@touchstone/core';

/**
 * The traffic source touchstone.config.json names (`traffic_source`), opened for one command and
 * closed after it; `undefined` when the config names none (the store's own traffic). The ClickHouse
 * client is imported only here and only then, so the default path never loads it.
 */
export async function withTrafficSource<T>(config: schemas.TouchstoneConfig, work: (source: TrafficSource | undefined) => Promise<T>): Promise<T> {
  if (config.traffic_source === undefined) return work(undefined);
  const { openClickHouseSource } = await import('@touchstone/core/clickhouse');
  const { source, close } = await openClickHouseSource(config.traffic_source);
  try {
    return await work(source);
  } finally {
    await close();
  }
}
