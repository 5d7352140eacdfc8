import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, schemas } from '@touchstone/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';
import { writePipelineData, type PipelineDataOptions } from './examples/pipeline-data.js';

// touchstone guard on real DuckDB files built by the real CLI from the pipeline example's data
// (test/examples/pipeline-data.ts): 300 support items rated 1–5 by two raters each.
const tmp = tempDir('touchstone-guard-');
afterAll(() => tmp.cleanup());
const JUDGE = 'support-judge@v1';

async function storeOf(name: string, options: PipelineDataOptions): Promise<string> {
  const dir = join(tmp.dir, name);
  mkdirSync(dir);
  const data = writePipelineData(dir, options);
  const db = join(dir, 'store.duckdb');
  const a = await runCli(['--db', db, 'ingest', 'labels', data.goldLabels, '--gold', 'support', '--scale', 'ordinal:1-5', '--pass-threshold', '4']);
  expect(a.code, a.stderr).toBe(0);
  const b = await runCli(['--db', db, 'ingest', 'judge', data.judgeScores, '--judge', JUDGE, '--gold', 'support']);
  expect(b.code, b.stderr).toBe(0);
  return db;
}

const dbs: Record<'healthy' | 'lenientLabeler' | 'lenientJudge' | 'tampered', string> = { healthy: '', lenientLabeler: '', lenientJudge: '', tampered: '' };
beforeAll(async () => {
  dbs.healthy = await storeOf('healthy', {});
  dbs.lenientLabeler = await storeOf('lenient-labeler', { lenientLabeler: true });
  dbs.lenientJudge = await storeOf('lenient-judge', { lenientJudge: true });
  dbs.tampered = await storeOf('tampered', {});
  // Behind Touchstone's back: raw SQL on the DuckDB file.
  const store = await openStore(dbs.tampered);
  await store.run(`UPDATE labels SET label_value = 5 WHERE item_id = 's12' AND labeler_id = 'ana'`);
  expect(await store.all(`SELECT seq FROM labels WHERE item_id = 's12' AND labeler_id = 'ana' AND label_value = 5`)).toHaveLength(1);
  store.close();
});

const guard = (db: string, args: string[]) => runCli(['--db', db, 'guard', '--gold', 'support', ...args]);
const parse = (stdout: string) => schemas.GuardResultSchema.parse(JSON.parse(stdout));

describe('touchstone guard (real CLI, real DuckDB files)', () => {
  it('passes a healthy gold set and judge: exit 0, one JSON document that is a GuardResult', async () => {
    const r = await guard(dbs.healthy, ['--judge', JUDGE, '--require-bands', '4,5', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const d = parse(r.stdout);
    expect(d).toMatchObject({ ok: true, gold_set: 'support', judge: JUDGE, failures: [] });
    expect(d.thresholds).toEqual({ flipped_share: 0.01, pass_rate_shift: 0.01, required_bands: ['4', '5'], expected_head: null });
    expect(d.checks.map((c) => [c.check, c.status])).toEqual([['integrity', 'pass'], ['labeler_impact', 'pass'], ['judge_bands', 'pass']]);
    const text = await guard(dbs.healthy, ['--judge', JUDGE]);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe(`guard passed: gold set "support" with judge "${JUDGE}"`);
  });

  it('fails (exit 1) when a lenient labeler carries the gold, naming them and how to re-score without them', async () => {
    const r = await guard(dbs.lenientLabeler, ['--json']);
    expect(r.code, r.stderr).toBe(1);
    const d = parse(r.stdout);
    expect(d.ok).toBe(false);
    expect(d.judge).toBeNull();
    expect(d.checks.map((c) => c.status)).toEqual(['pass', 'fail', 'not_run']);
    const f = d.failures[0];
    expect(f?.check === 'labeler_impact' && f.details).toMatchObject({ labeler_id: 'lenny', direction: 'lenient', action: 'touchstone gold snapshot support --tag without-lenny --exclude-labeler lenny' });
    const text = await guard(dbs.lenientLabeler, []);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^GUARD FAILED: gold set "support" — 1 failure\n/);
    expect(text.stdout).toContain('  [labeler_impact] labeler "lenny" is flagged leniency');
    // Limits looser than lenny's impact: flagged but not high-impact, the guard passes.
    const loose = await guard(dbs.lenientLabeler, ['--max-flipped-share', '0.2', '--max-pass-rate-shift', '0.2']);
    expect(loose.code, loose.stdout).toBe(0);
    expect(loose.stdout).toContain('flagged below the impact limits: lenny');
  });

  it('fails (exit 1) when a label row was edited behind Touchstone\'s back, naming the row', async () => {
    const r = await guard(dbs.tampered, ['--json']);
    expect(r.code, r.stderr).toBe(1);
    const f = parse(r.stdout).failures.find((x) => x.check === 'integrity');
    expect(f?.message).toMatch(/^gold set "support" was changed outside Touchstone \(1 edited\): .*s12/);
    expect(f?.check === 'integrity' && f.details.findings[0]).toMatchObject({ kind: 'edited', table: 'labels', item_id: 's12', labeler_id: 'ana' });
  });

  it('checks a pinned head hash: the verify head passes, another fails', async () => {
    const v = await runCli(['--db', dbs.healthy, 'verify', '--gold', 'support', '--json']);
    const head = (JSON.parse(v.stdout) as { head_hash: string }).head_hash;
    expect((await guard(dbs.healthy, ['--expect-head', head])).code).toBe(0);
    const bad = await guard(dbs.healthy, ['--expect-head', '0'.repeat(64), '--json']);
    expect(bad.code).toBe(1);
    expect(parse(bad.stdout).failures[0]?.message).toContain(`the store's head hash is ${head}, not the pinned ${'0'.repeat(64)}`);
  });

  it('fails (exit 1) when the judge is untrusted in band 5 — required or not', async () => {
    for (const extra of [['--require-bands', '5'], []]) {
      const r = await guard(dbs.lenientJudge, ['--judge', JUDGE, ...extra, '--json']);
      expect(r.code, r.stderr).toBe(1);
      const fs = parse(r.stdout).failures;
      expect(fs.map((f) => f.check === 'judge_bands' && [f.details.band, f.details.verdict, f.details.required])).toEqual([['5', 'untrusted', extra.length > 0]]);
    }
    // Relying only on bands 3 and 4, where the judge is trusted, passes.
    expect((await guard(dbs.lenientJudge, ['--judge', JUDGE, '--require-bands', '3,4'])).code).toBe(0);
  });

  it('bad options exit 2 with one line; a missing gold set or judge exits 3', async () => {
    const cases: [string[], number, string][] = [
      [['--judge', JUDGE, '--require-bands', '9'], 2, 'touchstone: guard: the judge has no band "9" (its bands: 1, 2, 3, 4, 5)'],
      [['--require-bands', '5'], 2, 'touchstone: guard: required judge bands (5) need a judge: pass its calibration (or --judge NAME)'],
      [['--max-flipped-share', '2'], 2, 'touchstone: touchstone guard: --max-flipped-share must be in [0, 1] (see touchstone guard --help)'],
      [['--judge', 'nobody'], 3, 'nobody'],
    ];
    for (const [args, code, message] of cases) {
      const r = await guard(dbs.healthy, args);
      expect(r.code, r.stderr).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')[0]).toContain(message);
    }
    const missing = await runCli(['--db', dbs.healthy, 'guard', '--gold', 'nope', '--json']);
    expect(missing.code).toBe(3);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'GOLD_NOT_FOUND' }, exit_code: 3 });
  });

  it('--help teaches: what fails, exit codes, examples', async () => {
    const r = await runCli(['guard', '--help']);
    expect(r.code).toBe(0);
    for (const s of ['integrity', 'labeler_impact', 'judge_bands', 'Exit codes: 0 the guard passes; 1 it fails', 'touchstone guard --gold support --judge gpt-judge@v3 --require-trusted 4,5']) expect(r.stdout).toContain(s);
  });
});
