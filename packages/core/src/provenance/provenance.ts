import { requireGoldSet } from '../gold/gold-set.js';
import { herfindahl } from '../stats/herfindahl.js';
import type { Store } from '../store/store.js';
import { provenanceQueries } from './provenance-sql.js';
import { ProvenanceReportSchema, type ProvenanceReport } from './provenance-report.js';

/**
 * Who labeled what, when, under which guideline: per labeler counts and shares, single-labeled
 * items, concentration (largest share, Herfindahl index), items labeled only under an outdated
 * guideline, and the import batches with their provenance.
 */
export async function provenance(store: Store, goldSet: string): Promise<ProvenanceReport> {
  const gold = await requireGoldSet(store, goldSet);
  const q = provenanceQueries(goldSet);
  const labelers = (await store.all(q.labelers)).map((r): Record<string, unknown> => ({
    ...r,
    guideline_versions: (r['guideline_versions'] as (string | null)[]).filter((v): v is string => v !== null),
    slices: (r['slices'] as (string | null)[]).filter((v): v is string => v !== null),
  }));
  const perItem = await store.all<{ n: number; items: number }>(q.perItem);
  const items = { total: perItem.reduce((a, r) => a + r.items, 0), single_labeled: perItem.find((r) => r.n === 1)?.items ?? 0 };
  const current = perItem.reduce((a, r) => a + r.n * r.items, 0);
  const totalRows = (await store.all<{ total_rows: number }>(q.labels))[0]?.total_rows ?? 0;
  const labels = { current, total_rows: totalRows };
  const versions = await store.all<{ version: string; n_labels: number; first_used: string }>(q.guidelines);
  const outdated = await store.all<{ item_id: string }>(q.outdated);
  const slices = await store.all<{ slice: string | null; n_items: number }>(q.slices);
  const sessions = (await store.all<{ n: number }>(q.sessions))[0]?.n ?? 0;
  const json = (v: unknown): unknown => JSON.parse(typeof v === 'string' ? v : '{}');
  const batches = (await store.all(q.batches)).map((b) => ({ ...b, supplied: json(b['supplied']), skipped_reasons: json(b['skipped_reasons']), labeler_map: json(b['labeler_map']) }));

  const top = labelers.reduce<(typeof labelers)[number] | undefined>((best, l) => (best === undefined || Number(l['share']) > Number(best['share']) ? l : best), undefined);
  return ProvenanceReportSchema.parse({
    gold_set: goldSet,
    scale: gold.scale,
    scale_inferred: gold.scale_inferred,
    labelers,
    items: { ...items, labels_per_item: Object.fromEntries(perItem.map((r) => [String(r.n), r.items])) },
    labels: { ...labels, superseded: labels.total_rows - labels.current },
    concentration: {
      largest_labeler: top === undefined ? null : String(top['labeler_id']),
      largest_share: top === undefined ? 0 : Number(top['share']),
      herfindahl: herfindahl(labelers.map((l) => Number(l['n_labels']))),
    },
    guidelines: {
      versions,
      latest: versions.length === 0 ? null : (versions[versions.length - 1]?.version ?? null),
      items_only_outdated: outdated.length,
      example_items_only_outdated: outdated.slice(0, 10).map((r) => r.item_id),
    },
    sessions,
    slices,
    batches,
  });
}
