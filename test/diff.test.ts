import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

const tmp = tempDir('touchstone-e2e-diff-');
afterAll(() => tmp.cleanup());
const file = (name: string, content: string): string => {
  const path = join(tmp.dir, name);
  writeFileSync(path, content);
  return path;
};
const jsonl = (rows: readonly object[]): string => rows.map((r) => `${JSON.stringify(r)}\n`).join('');

// Four slices of 100 items. The candidate fails 20 billing items that passed (a 20-point drop,
// one-sided exact McNemar p = 0.5^20) and fixes 10 failing shipping items; chitchat and refunds are unchanged.
type Row = { item_id: string; slice: string; pass: boolean; gold_snapshot?: string };
function rows(candidate: boolean, snapshot?: string): Row[] {
  const out: Row[] = [];
  for (const slice of ['billing', 'chitchat', 'refunds', 'shipping']) {
    for (let i = 0; i < 100; i++) {
      let pass = i % 5 !== 0; // 80% pass in the baseline
      if (candidate && slice === 'billing' && pass && i < 25) pass = false;
      if (candidate && slice === 'shipping' && !pass && i < 50) pass = true;
      out.push({ item_id: `${slice}-${i}`, slice, pass, ...(snapshot === undefined ? {} : { gold_snapshot: snapshot }) });
    }
  }
  return out;
}
const base = file('base.jsonl', jsonl(rows(false)));
const cand = file('cand.jsonl', jsonl([...rows(true).filter((r) => r.item_id !== 'refunds-99'), { item_id: 'new-1', slice: 'refunds', pass: true }]));
const db = join(tmp.dir, 'store.duckdb');

describe('touchstone diff (real CLI process)', () => {
  it('exits 1 on a slice regression, with the per-slice JSON report and a Markdown PR table', async () => {
    const md = join(tmp.dir, 'out', 'diff.md');
    const r = await runCli(['--db', db, 'diff', base, cand, '--json', '--markdown', md]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { verdict: string; regressions: string[]; slices: { slice: string; n: number; delta: number; verdict: string; q_regression: number; mde: number }[]; only_baseline: { count: number; examples: string[] }; only_candidate: { count: number; examples: string[] }; paired: number };
    expect(report.verdict).toBe('regression');
    expect(report.regressions).toEqual(['billing']);
    expect(report.slices.map((s) => [s.slice, s.verdict])).toEqual([['billing', 'regression'], ['chitchat', 'no change'], ['refunds', 'no change'], ['shipping', 'improvement']]);
    expect(report.slices[0]).toMatchObject({ n: 100, delta: -0.2 });
    expect(report.slices[0]?.q_regression).toBeLessThan(1e-5);
    expect(report.paired).toBe(399);
    expect(report.only_baseline).toEqual({ count: 1, examples: ['refunds-99'] });
    expect(report.only_candidate).toEqual({ count: 1, examples: ['new-1'] });

    const markdown = readFileSync(md, 'utf8');
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('### 🔴 Touchstone eval diff: REGRESSION on 1 slice: billing');
    expect(markdown).toContain('| | Slice | n | Baseline | Candidate | Δ pts | 95% CI | q | MDE |');
    const tableRows = lines.filter((l) => l.startsWith('| ') && !l.startsWith('| |'));
    expect(tableRows[0]).toMatch(/^\| ⚪ \| \*\*Overall\*\* \| 399 \|/);
    expect(tableRows[1]).toMatch(/^\| 🔴 \| \*\*billing\*\* \| 100 \| 80\.0% \| 60\.0% \| \*\*−20\.0\*\* \|/);
    expect(tableRows.slice(1).map((l) => l.split(' | ')[1])).toEqual(['**billing**', 'chitchat', 'refunds', 'shipping']);
    expect(markdown).toContain('unpaired items: 1 only in the baseline (refunds-99); 1 only in the candidate (new-1)');
  });

  it('exits 0 with no regression, prints the terminal table, and honours --by none', async () => {
    const same = await runCli(['--db', db, 'diff', base, base]);
    expect(same.code).toBe(0);
    expect(same.stdout.split('\n')[0]).toBe('no regression');
    expect(same.stdout).toMatch(/no change\s+billing\s+100\s+80\.0%\s+80\.0%\s+0\.0/);
    const improved = await runCli(['--db', db, 'diff', cand, base, '--by', 'none', '--json']);
    expect(improved.code).toBe(0);
    // Reversed: 20 wins, 10 losses overall; scipy 1.17.1 binomtest(20, 30, 0.5, alternative='greater') -> p = 0.0494
    expect(JSON.parse(improved.stdout)).toMatchObject({ by: 'none', slices: [], verdict: 'improvement', regressions: [] });
  });

  it('reads the tolerance per slice from the config file, and --tolerance for the rest', async () => {
    const config = file('touchstone.config.json', JSON.stringify({ diff: { slices: { billing: { tolerance: 40 } } } }));
    const r = await runCli(['--db', db, 'diff', base, cand, '--config', config, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { slices: { slice: string; tolerance: number; verdict: string; test: string }[] };
    expect(report.slices.find((s) => s.slice === 'billing')).toMatchObject({ tolerance: 0.4, verdict: 'no change', test: 'tango-score' });
    const cwdConfig = await runCli(['--db', db, 'diff', 'base.jsonl', 'cand.jsonl', '--tolerance', '1', '--json'], { cwd: tmp.dir });
    expect(cwdConfig.code).toBe(0);
    expect((JSON.parse(cwdConfig.stdout) as { overall: { tolerance: number } }).overall.tolerance).toBe(0.01);
    const bad = file('bad-config.json', JSON.stringify({ diff: { slices: { billing: { tolerence: 4 } } } }));
    const b = await runCli(['--db', db, 'diff', base, cand, '--config', bad]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('unknown key "diff.slices.billing.tolerence"');
  });

  it('names file, line and field of a malformed run file (exit 3) and reads CSV runs', async () => {
    const bad = file('bad.jsonl', `${JSON.stringify({ item_id: 'a', pass: true })}\n{"item_id": "b", "pass": tru\n${JSON.stringify({ item_id: 'c', pass: 'sometimes' })}\n`);
    const r = await runCli(['--db', db, 'diff', base, bad]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('bad.jsonl: 2 problems in 3 records; the run was not read');
    expect(r.stderr).toMatch(/bad\.jsonl:2: invalid JSON/);
    expect(r.stderr).toMatch(/bad\.jsonl:3: field "pass": must be a boolean/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const csv = file('cand.csv', `item_id,slice,pass\n${rows(true).map((x) => `${x.item_id},${x.slice},${x.pass}`).join('\n')}\n`);
    const c = await runCli(['--db', db, 'diff', base, csv, '--json']);
    expect(c.code).toBe(1);
    expect((JSON.parse(c.stdout) as { regressions: string[] }).regressions).toEqual(['billing']);
  });

  it('exits 2 on usage errors and 3 on a missing file or an unknown run name', async () => {
    const alpha = await runCli(['--db', db, 'diff', base, cand, '--alpha', '2', '--json']);
    expect(alpha.code).toBe(2);
    expect(JSON.parse(alpha.stdout)).toMatchObject({ error: { code: 'BAD_OPTION' }, exit_code: 2 });
    expect((await runCli(['--db', db, 'diff', base, cand, '--tolerance', 'abc'])).code).toBe(2);
    expect((await runCli(['--db', db, 'diff', base, cand, '--json', '--markdown', '-'])).code).toBe(2);
    expect((await runCli(['--db', db, 'diff', base])).code).toBe(2);
    const missing = await runCli(['--db', db, 'diff', base, join(tmp.dir, 'nope.jsonl')]);
    expect([missing.code, missing.stderr]).toEqual([3, `touchstone: candidate ${join(tmp.dir, 'nope.jsonl')}: no such file\n`]);
    const unknown = await runCli(['--db', db, 'diff', 'main@abc', cand]);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('baseline "main@abc": no such file, and no store at');
  });

  it('teaches in --help', async () => {
    const h = await runCli(['diff', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Examples:');
    expect(h.stdout).toContain('--allow-gold-change');
    expect(h.stdout).toContain('Exit codes: 0 no regression, 1 a regression');
  });
});
