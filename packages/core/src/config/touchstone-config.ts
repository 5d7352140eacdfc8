import { z } from 'zod';
import { DriftConfigSchema } from '../drift/drift-config.js';
import { DiffConfigSchema } from '../eval-diff/diff-config.js';
import { PiiConfigSchema } from '../pii/redact.js';
import { ShadowConfigSchema } from '../shadow/shadow-config.js';
import { ClickHouseSourceSchema } from '../traffic-source/clickhouse-config.js';

/** The `drift_check` section: what the cron job checks and where it reports. */
export const DriftCheckConfigSchema = z
  .object({
    gold: z.string().min(1).optional(),
    /** Write a Markdown summary to this file after every run. */
    markdown: z.string().min(1).optional(),
    webhook: z
      .object({
        url: z.url(),
        /** Per attempt; one retry follows a failure (default 5000 ms). */
        timeout_ms: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type DriftCheckConfig = z.infer<typeof DriftCheckConfigSchema>;

/**
 * touchstone.config.json: an object of optional sections, each validated; any key not listed here,
 * at any level, is rejected by name (a typo never silently falls back to a default).
 */
export const TouchstoneConfigSchema = z
  .object({
    $schema: z.string().optional(),
    /** Store file, relative to the config file's folder. */
    db: z.string().min(1).optional(),
    shadow: ShadowConfigSchema.optional(),
    drift: DriftConfigSchema.optional(),
    drift_check: DriftCheckConfigSchema.optional(),
    pii: PiiConfigSchema.optional(),
    /** `touchstone diff`: tolerated drop, overall and per slice (issue 8). */
    diff: DiffConfigSchema.optional(),
    /** Read traffic from ClickHouse instead of the store (shadow build, drift, drift-check; issue 15). */
    traffic_source: ClickHouseSourceSchema.optional(),
  })
  .strict();
export type TouchstoneConfig = z.infer<typeof TouchstoneConfigSchema>;
