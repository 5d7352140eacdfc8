import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, SHARED_DATASETS, tempDir } from './helpers/cli.js';

const RTE = join(SHARED_DATASETS, 'snow2008-rte.tsv');
const present = existsSync(RTE);
if (!present) console.warn(`SKIPPED real-data test: ${RTE} is absent (a clone without ../shared/datasets)`);
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe.runIf(present)('real data: Snow et al. 2008 RTE (../shared/datasets)', () => {
  it('imports with --map and no hand editing; provenance shows 164 labelers, 800 items × 10 labels, one worker on all 800', async () => {
    const db = join(tmp.dir, 'rte.duckdb');
    const ingest = await runCli(['--db', db, 'ingest', 'labels', RTE, '--gold', 'rte', '--map', 'item_id=orig_id,labeler_id=!amt_worker_ids,label=response', '--labeled-at', '2008-01-01', '--json']);
    expect(ingest.code).toBe(0);
    expect(JSON.parse(ingest.stdout)).toMatchObject({ read: 8000, accepted: 8000, rejected: 0, inserted: 8000, format: 'tsv', scale: { kind: 'binary' }, supplied: { labeled_at: '2008-01-01' } });
    const p = JSON.parse((await runCli(['--db', db, 'provenance', '--gold', 'rte', '--json'])).stdout) as {
      labelers: { labeler_id: string; n_labels: number; share: number }[];
      items: { total: number; single_labeled: number; labels_per_item: Record<string, number> };
      batches: { supplied: Record<string, string> }[];
    };
    expect(p.labelers).toHaveLength(164);
    expect(p.items).toEqual({ total: 800, single_labeled: 0, labels_per_item: { '10': 800 } });
    const full = p.labelers.filter((l) => l.share === 1);
    expect(full).toEqual([expect.objectContaining({ labeler_id: 'A18941IO2ZZWW6', n_labels: 800 })]);
    expect(p.batches[0]?.supplied).toEqual({ labeled_at: '2008-01-01' });
    expect((await runCli(['--db', db, 'verify'])).code).toBe(0);
  });
});
