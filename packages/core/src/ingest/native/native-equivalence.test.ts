import { afterEach, describe, expect, it } from 'vitest';
import type { Scale } from '../../schemas/scale.js';
import { createRng } from '../../stats/rng.js';
import type { Store } from '../../store/store.js';
import { jsonl, tempStore } from '../../test-helpers/temp-store.js';
import { ingestLabels } from '../ingest-labels.js';

let stores: Store[] = [];
afterEach(() => {
  for (const s of stores) s.close();
  stores = [];
});

// Records the two paths must treat identically: valid ones of every kind and near-misses.
const VALUES: unknown[] = [1, 2, 3, 4, 5, 0, 6, 2.5, -1, true, false, 'good', 'bad', '', '3', 1e0, 4.0];
const TIMES: unknown[] = ['2026-01-05T10:00:00Z', '2026-01-05T10:00:00.123456+02:00', '2026-01-05', '2026-01-05 10:00', '2026-01-05T10:00:00', '2026-02-30T00:00:00Z', 'yesterday', 17, undefined];
const IDS: unknown[] = ['i1', 'i2', 'i3', '', 7, undefined];

function randomRecords(seed: number, n: number, clean: boolean, scale?: Scale): object[] {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)] as T;
  return Array.from({ length: n }, (_, i) => {
    const r: Record<string, unknown> = clean
      ? { item_id: `i${i % 13}`, labeler_id: `L${rng.int(4)}`, label: cleanLabel(scale, rng.int(5), rng.next()), labeled_at: `2026-01-${10 + rng.int(9)}T10:00:00Z`, slice: pick(['a', 'b']) }
      : { item_id: pick(IDS), labeler_id: pick(['L1', 'L2', '']), label: pick(VALUES), labeled_at: pick(TIMES) };
    if (!clean && rng.next() < 0.3) r['slice'] = pick(['a', 5, '']);
    if (rng.next() < 0.2) r['extra'] = { nested: [1, 2] };
    return r;
  });
}

function cleanLabel(scale: Scale | undefined, k: number, u: number): unknown {
  if (scale?.kind === 'binary') return k % 2 === 0 ? u < 0.5 : k % 4 === 1 ? 1 : 0;
  if (scale?.kind === 'interval') return Math.round(u * 500) / 100;
  if (scale?.kind === 'nominal') return k % 2 === 0 ? 'good' : 'bad';
  return 1 + k;
}

async function both(content: string, scale: Scale | undefined, supplied?: Record<string, string>) {
  const results = [];
  for (const native of [true, false]) {
    const { store, write } = await tempStore();
    stores.push(store);
    const file = write('x.jsonl', content);
    const outcome = await ingestLabels(store, { file, goldSet: 'g', actor: 't', native, ...(scale === undefined ? {} : { scale }), ...(supplied === undefined ? {} : { supplied }) })
      .then((s) => ({ ok: true, summary: { ...s, file: '', sha256: '', fast_path: undefined }, fast: s.fast_path }))
      .catch((e: unknown) => ({ ok: false, error: ((e as { details?: { file?: string }[] }).details ?? []).map((d) => ({ ...d, file: 'x.jsonl' })) }));
    const rows = await store.all(`SELECT seq, item_id, labeler_id, label_value, label_text, labeled_at, slice, source_record, row_hash FROM labels ORDER BY seq`);
    results.push({ outcome, rows });
    store.close();
    stores.pop();
  }
  return results;
}

describe('native (DuckDB) staging is indistinguishable from the zod path', () => {
  const scales: (Scale | undefined)[] = [undefined, { kind: 'ordinal', min: 1, max: 5, pass_threshold: 4 }, { kind: 'binary' }, { kind: 'interval', min: 0, max: 5 }, { kind: 'nominal', categories: ['good', 'bad'] }];
  it.each(scales.map((s, i) => [s?.kind ?? 'inferred', s, i] as const))('on clean files, scale %s: same rows, same hashes, same summary', async (_name, scale, i) => {
    const [native, zod] = await both(jsonl(randomRecords(100 + i, 300, true, scale)), scale);
    expect(native?.outcome).toMatchObject({ ok: true, fast: true });
    expect(zod?.outcome).toMatchObject({ ok: true, fast: false });
    expect({ ...native, outcome: { ...native?.outcome, fast: null } }).toEqual({ ...zod, outcome: { ...zod?.outcome, fast: null } });
    expect(native?.rows.length).toBeGreaterThan(0);
  });
  it('on messy files (random near-misses), for every scale', async () => {
    const seeds = process.env['TOUCHSTONE_FULL_SIM'] === '1' ? 50 : 8;
    for (let seed = 1; seed <= seeds; seed++) {
      for (const scale of scales) {
        const [native, zod] = await both(jsonl(randomRecords(seed, 12, false)), scale, seed % 3 === 0 ? { labeled_at: '2008-01-01' } : undefined);
        const strip = (r: typeof native) => ({ ...r, outcome: { ...r?.outcome, fast: null } });
        expect(strip(native), `seed ${seed} scale ${scale?.kind ?? 'inferred'}`).toEqual(strip(zod));
      }
    }
  });
});
