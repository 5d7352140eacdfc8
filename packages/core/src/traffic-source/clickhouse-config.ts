import { z } from 'zod';

/**
 * A traffic table in ClickHouse. Each column is a ClickHouse expression over the table's row
 * (a column name in the simple case); the defaults fit a table with Touchstone's traffic columns.
 * For Langfuse v3's `traces` table: `{ "ts": "timestamp", "slice": "name", "metadata": "metadata",
 * "judge_score": "NULL" }` with `metadata_format: "map"` and `where: "is_deleted = 0 AND project_id = '…'"`.
 * Credentials come from the environment only (TOUCHSTONE_CLICKHOUSE_USER / _PASSWORD by default).
 */
export const ClickHouseSourceSchema = z.strictObject({
  kind: z.literal('clickhouse'),
  url: z.url(),
  database: z.string().min(1).default('default'),
  table: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain table name'),
  columns: z
    .strictObject({
      id: z.string().min(1).optional(),
      ts: z.string().min(1).optional(),
      input: z.string().min(1).optional(),
      output: z.string().min(1).optional(),
      slice: z.string().min(1).optional(),
      judge_score: z.string().min(1).optional(),
      metadata: z.string().min(1).optional(),
    })
    .default({}),
  /** `json`: metadata is JSON text (Touchstone's own); `map`: a Map(String, String) column (Langfuse). */
  metadata_format: z.enum(['json', 'map']).default('json'),
  /** An extra filter on the table's rows (a ClickHouse boolean expression). */
  where: z.string().min(1).optional(),
  user_env: z.string().default('TOUCHSTONE_CLICKHOUSE_USER'),
  password_env: z.string().default('TOUCHSTONE_CLICKHOUSE_PASSWORD'),
  request_timeout_ms: z.number().int().positive().default(300_000),
});
export type ClickHouseSourceConfig = z.infer<typeof ClickHouseSourceSchema>;

/** Column expressions with the defaults filled in. */
export type ClickHouseColumns = {
  readonly id: string;
  readonly ts: string;
  readonly input: string;
  readonly output: string;
  readonly slice: string;
  readonly judge_score: string;
  readonly metadata: string;
  readonly metadataFormat: 'json' | 'map';
  readonly table: string;
  readonly where: string | null;
};

export function clickhouseColumns(config: Pick<ClickHouseSourceConfig, 'columns' | 'metadata_format' | 'database' | 'table' | 'where'>): ClickHouseColumns {
  const c = config.columns;
  return {
    id: c.id ?? 'id',
    ts: c.ts ?? 'ts',
    input: c.input ?? 'input',
    output: c.output ?? 'output',
    slice: c.slice ?? 'slice',
    judge_score: c.judge_score ?? 'judge_score',
    metadata: c.metadata ?? 'metadata',
    metadataFormat: config.metadata_format,
    table: `\`${config.database.replaceAll('`', '')}\`.\`${config.table}\``,
    where: config.where ?? null,
  };
}
