import { ConfigError } from '../errors/touchstone-error.js';
import { findGoldSet, scaleJson } from '../gold/gold-set.js';
import type { Scale } from '../schemas/scale.js';
import { inferScale } from '../scale/infer-scale.js';
import type { Store } from '../store/store.js';
import { labelKind } from './label-kind.js';
import { runIngest, type IngestOptions } from './run-ingest.js';
import type { IngestSummary } from './ingest-summary.js';

export interface IngestLabelsOptions extends IngestOptions {
  readonly goldSet: string;
  /** The scale for a new gold set; must equal the stored one for an existing set. Inferred when absent. */
  readonly scale?: Scale;
}

/**
 * Ingests gold labels as one batch. The first ingest into a gold set that accepts a label fixes its
 * scale (given, or inferred from the labels); later ingests are checked against it and off-scale
 * labels rejected. A batch that accepts no label (every record rejected under --skip-invalid) is
 * still recorded, but creates no gold set and fixes no scale (`scale: null`).
 */
export async function ingestLabels(store: Store, options: IngestLabelsOptions): Promise<IngestSummary & { scale: Scale | null; scale_inferred: boolean }> {
  const existing = await findGoldSet(store, options.goldSet);
  if (existing !== undefined && options.scale !== undefined && scaleJson(existing.scale) !== scaleJson(options.scale)) {
    throw new ConfigError(
      'SCALE_MISMATCH',
      `gold set "${options.goldSet}" has scale ${scaleJson(existing.scale)}, fixed by its first ingest; --scale ${scaleJson(options.scale)} differs`,
    );
  }
  const known = existing?.scale ?? options.scale;
  const observed = new Set<unknown>();
  let scale: Scale | undefined = known;
  const summary = await runIngest(store, labelKind(options.goldSet, known, observed, options.supplied?.['labeled_at']), options, {
    goldSet: options.goldSet,
    judge: null,
    covers: [{ table: 'gold_sets', owner: options.goldSet }, { table: 'items', owner: options.goldSet }],
    beforeInsert: async (batchId, stage) => {
      if (existing !== undefined) return;
      const [staged] = await store.all<{ n: number }>({ sql: `SELECT count(*) AS n FROM ${stage}`, params: [] });
      if ((staged?.n ?? 0) === 0) return;
      scale = known ?? inferScale(observed);
      if (known === undefined && scale.kind === 'nominal') {
        // Inferred nominal: labels staged as numbers become their text.
        await store.run({ sql: `UPDATE ${stage} SET label_text = coalesce(label_text, CAST(label_value AS VARCHAR)), label_value = NULL`, params: [] });
      }
      await store.run({
        sql: `INSERT INTO gold_sets VALUES ($1, $2, $3, now(), $4)`,
        params: [options.goldSet, scaleJson(scale), known === undefined, batchId],
      });
    },
    afterInsert: async (batchId, stage) => {
      await store.run({
        sql: `INSERT INTO items
          SELECT $1, item_id, any_value(input), any_value(output), any_value(reference), $2
          FROM ${stage} GROUP BY item_id
          ON CONFLICT (gold_set, item_id) DO UPDATE SET
            input = coalesce(items.input, excluded.input), output = coalesce(items.output, excluded.output),
            reference = coalesce(items.reference, excluded.reference)`,
        params: [options.goldSet, batchId],
      });
    },
  });
  const final = existing?.scale ?? (await findGoldSet(store, options.goldSet))?.scale;
  if (final === undefined) return { ...summary, scale: null, scale_inferred: false };
  return { ...summary, scale: final, scale_inferred: existing === undefined ? known === undefined : existing.scale_inferred };
}
