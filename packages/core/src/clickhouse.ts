// ClickHouse as a traffic source: `import { … } from '@touchstone/core/clickhouse'`. The official
// client is loaded by openClickHouseSource only, so the rest of the library never pays for it.
export { ClickHouseSourceSchema, clickhouseColumns, type ClickHouseSourceConfig, type ClickHouseColumns } from './traffic-source/clickhouse-config.js';
export { chCandidatesSql, chMetadataCountsSql, chSpanSql, chStrataSql, chWindowSlicesSql, chWindowVsGoldMetadataSql, chLiteral } from './traffic-source/clickhouse-sql.js';
export { clickhouseTrafficSource, type ClickHouseExecutor } from './traffic-source/clickhouse-traffic-source.js';
export { openClickHouseSource, columnCheckSql } from './traffic-source/clickhouse-client-source.js';
export { clickhouseFailure } from './traffic-source/clickhouse-errors.js';
