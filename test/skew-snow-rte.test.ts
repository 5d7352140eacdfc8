import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, SHARED_DATASETS, tempDir } from './helpers/cli.js';

const RTE = join(SHARED_DATASETS, 'snow2008-rte.tsv');
const present = existsSync(RTE);
if (!present) console.warn(`SKIPPED real-data skew test: ${RTE} is absent (a clone without ../shared/datasets)`);
const tmp = tempDir();
afterAll(() => tmp.cleanup());

// Labelers skew peeled off everyone else's peers on this data (most significant first).
const PEELED = ['A18941IO2ZZWW6', 'A11GX90QFWDLMM', 'A1Q4VUJBMY78YR', 'AXBQF8RALCIGV', 'A1SM3O307GMDK8', 'A14JQX7IFAICP0', 'A3Q9V4M3V0L77A', 'AHPSMRLKAEJV', 'AHFO0JTF5WO8J', 'A19IBSKBTABMR3'];

interface Report {
  method: { excluded_from_peers: string[] };
  agreement: { krippendorff_alpha: { value: number; ci: [number, number] }; fleiss_kappa: { value: number; labels_per_item: number } };
  labelers: { labeler_id: string; n_labels: number; share: number; leniency: number; direction: string; flagged: boolean; q_value: number }[];
  flags: { labeler_id: string; slice: string | null; kind: string; direction: string; effect: number; q_value: number; impact: { flipped_items: number; pass_rate_shift: number }; action: string }[];
}

describe.runIf(present)('real data: labeler skew on Snow et al. 2008 RTE (../shared/datasets)', () => {
  it('runs, matches an independent alpha, and reports the all-800 worker with its direction', async () => {
    const db = join(tmp.dir, 'rte.duckdb');
    const ingest = await runCli(['--db', db, 'ingest', 'labels', RTE, '--gold', 'rte', '--scale', 'binary', '--map', 'item_id=orig_id,labeler_id=!amt_worker_ids,label=response', '--labeled-at', '2008-01-01']);
    expect(ingest.code).toBe(0);
    const run = await runCli(['--db', db, 'skew', '--gold', 'rte', '--json', '--permutations', '200', '--bootstrap', '100']);
    expect(run.stderr).toBe('');
    const r = JSON.parse(run.stdout) as Report;
    // Independent computation from the raw TSV (pandas 3.0.6 / numpy 2.4.6, coincidence matrix of the
    // 800 items × {0, 1} counts): nominal alpha = 0.24147876613881036; statsmodels fleiss_kappa = 0.24138393913120587.
    expect(r.agreement.krippendorff_alpha.value).toBeCloseTo(0.24147876613881036, 10);
    expect(r.agreement.fleiss_kappa).toMatchObject({ labels_per_item: 10 });
    expect(r.agreement.fleiss_kappa.value).toBeCloseTo(0.24138393913120587, 10);
    const [lo, hi] = r.agreement.krippendorff_alpha.ci;
    expect(lo).toBeLessThan(0.2415);
    expect(hi).toBeGreaterThan(0.2415);
    // The worker who labeled all 800 items says "yes" to 81.6% of them against 54.6% for everyone
    // else (pandas: mean(label − mean of the item's other 9 labels) = 0.27069444444444446). It is the
    // first labeler peeled off the peers; measured against the peers without the other 9 peeled
    // labelers, pandas 3.0.6 gives mean(label − mean of the remaining co-labelers) = 0.3381919642857143.
    expect(r.method.excluded_from_peers).toEqual(PEELED);
    const w = r.labelers.find((l) => l.labeler_id === 'A18941IO2ZZWW6');
    expect(w).toMatchObject({ n_labels: 800, share: 1, direction: 'lenient', flagged: true });
    expect(w?.leniency).toBeCloseTo(0.3381919642857143, 10);
    expect(w?.q_value).toBeLessThan(1e-10);
    const flag = r.flags.find((f) => f.labeler_id === 'A18941IO2ZZWW6' && f.slice === null && f.kind === 'leniency');
    expect(flag).toMatchObject({ direction: 'lenient', action: 'touchstone gold snapshot rte --tag without-A18941IO2ZZWW6 --exclude-labeler A18941IO2ZZWW6' });
    expect(r.flags[0]?.labeler_id).toBe('A18941IO2ZZWW6');
    expect(run.code).toBe(1);

    const human = await runCli(['--db', db, 'skew', '--gold', 'rte', '--permutations', '200', '--bootstrap', '0']);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain("Krippendorff's alpha (nominal) 0.241");
    expect(human.stdout).toMatch(/A18941IO2ZZWW6 · overall · leniency \+0\.338/);
  });
});
