import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

const tmp = tempDir('touchstone-e2e-diff-runs-');
afterAll(() => tmp.cleanup());
const file = (name: string, rows: readonly object[]): string => {
  const path = join(tmp.dir, name);
  writeFileSync(path, rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return path;
};
const db = join(tmp.dir, 'store.duckdb');
const cli = (...args: string[]) => runCli(['--db', db, ...args]);
const at = '2026-03-01T09:00:00Z';

// 60 gold items (binary). Snapshot v2 relabels q0–q9 from pass to fail. The candidate run, scored
// against v2, fails exactly those 10 items: its whole drop comes from the relabeled gold.
const ids = Array.from({ length: 60 }, (_, i) => `q${i}`);
const run = (snapshot: string, failRelabeled: boolean) => ids.map((item_id, i) => ({ item_id, slice: i < 30 ? 'a' : 'b', pass: !(failRelabeled && i < 10), gold_snapshot: snapshot }));

describe('recorded runs and gold snapshots (real CLI process)', () => {
  it('records runs, lists them, and diffs them by name', async () => {
    expect((await cli('ingest', 'labels', file('gold-v1.jsonl', ids.map((item_id) => ({ item_id, labeler_id: 'ann', label: true, labeled_at: at }))), '--gold', 'support', '--scale', 'binary')).code).toBe(0);
    expect((await cli('gold', 'snapshot', 'support', '--tag', 'v1')).code).toBe(0);
    expect((await cli('ingest', 'labels', file('gold-v2.jsonl', ids.slice(0, 10).map((item_id) => ({ item_id, labeler_id: 'ann', label: false, labeled_at: at }))), '--gold', 'support')).code).toBe(0);
    expect((await cli('gold', 'snapshot', 'support', '--tag', 'v2')).code).toBe(0);

    const rec = await cli('run', 'record', file('main.jsonl', run('v1', false)), '--name', 'main@abc', '--gold', 'support', '--json');
    expect(rec.code).toBe(0);
    expect(JSON.parse(rec.stdout)).toMatchObject({ name: 'main@abc', metric: 'pass', n_items: 60, n_slices: 2, pass_rate: 1, gold_set: 'support', gold_snapshot: 'v1' });
    expect((await cli('run', 'record', file('pr.jsonl', run('v2', true)), '--name', 'pr-12', '--gold', 'support')).code).toBe(0);
    expect((await cli('run', 'record', file('same.jsonl', run('v1', false)), '--name', 'main@def')).code).toBe(0);

    const again = await cli('run', 'record', file('main.jsonl', run('v1', false)), '--name', 'main@abc');
    expect([again.code, again.stderr]).toEqual([2, expect.stringContaining('a run named "main@abc" is already recorded')]);
    const conflict = await cli('run', 'record', file('pr.jsonl', run('v2', true)), '--name', 'x', '--gold-snapshot', 'v1');
    expect([conflict.code, conflict.stderr]).toEqual([2, expect.stringContaining('--gold-snapshot v1 contradicts the records')]);
    const noSnap = await cli('run', 'record', file('v9.jsonl', run('v9', false)), '--name', 'y', '--gold', 'support');
    expect([noSnap.code, noSnap.stderr]).toEqual([3, expect.stringContaining('gold set "support" has no snapshot "v9"')]);

    const list = await cli('run', 'list', '--json');
    expect((JSON.parse(list.stdout) as { runs: { name: string }[] }).runs.map((r) => r.name)).toEqual(['main@abc', 'pr-12', 'main@def']);
    expect((await cli('run', 'list')).stdout).toMatch(/main@abc\s+pass\s+60\s+2\s+100\.0%\s+support@v1/);

    const same = await cli('diff', 'main@abc', 'main@def', '--json');
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout)).toMatchObject({ baseline: { name: 'main@abc', source: 'store' }, verdict: 'no change', gold: { status: 'same' } });
    const mixed = await cli('diff', 'main@abc', join(tmp.dir, 'same.jsonl'));
    expect(mixed.code).toBe(0);
  });

  it('refuses runs scored against different gold snapshots (exit 2) unless --allow-gold-change, then shows the gold diff', async () => {
    const refused = await cli('diff', 'main@abc', 'pr-12');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('the runs were scored against different gold snapshots (baseline "v1", candidate "v2")');
    expect(refused.stderr).toContain('--allow-gold-change');
    expect(refused.stdout).toBe('');

    const allowed = await cli('diff', 'main@abc', 'pr-12', '--allow-gold-change', '--json');
    expect(allowed.code).toBe(1);
    const report = JSON.parse(allowed.stdout) as { regressions: string[]; overall: { delta: number }; gold: { status: string; diff: { relabeled: number; pass_flips: number; paired_items_affected: number }; overall_unchanged_gold: { n: number; delta: number; verdict: string } } };
    expect(report.regressions).toEqual(['(overall)', 'a']);
    expect(report.gold.status).toBe('changed');
    expect(report.gold.diff).toMatchObject({ relabeled: 10, pass_flips: 10, paired_items_affected: 10 });
    expect(report.gold.overall_unchanged_gold).toMatchObject({ n: 50, delta: 0, verdict: 'no change' });

    const md = await cli('diff', 'main@abc', 'pr-12', '--allow-gold-change', '--markdown', '-');
    expect(md.code).toBe(1);
    expect(md.stdout).toContain('gold CHANGED: v1 → v2 (compared anyway: --allow-gold-change)');
    expect(md.stdout).toContain('on the 50 items whose gold did not change: Δ 0.0 pts');
    expect(md.stdout).not.toContain('verdict  '); // Markdown only, no terminal table
  });
});
