import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** A deterministic 1–5 gold set: 360 items × 3 labelers from 8; L0 is one point lenient on "refunds" when `lenient`. */
function goldFile(name: string, lenient: boolean): string {
  // Seed 1: with seed 12345 labeler L7 happens to sit 0.155 points below peers (z = −3.5, confirmed in
  // pandas), a real feature of that draw that skew rightly flags; the detector's false-alarm rate is
  // tested on hundreds of simulated gold sets in packages/core/src/skew/skew-simulation.test.ts.
  let s = 1;
  const rand = (): number => {
    // mulberry32 (Tommy Ettinger): a small generator without an LCG's serial correlation.
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const lines: string[] = [];
  for (let i = 0; i < 360; i++) {
    const slice = ['refunds', 'billing', 'shipping'][i % 3]!;
    const latent = 1 + 4 * rand();
    const who = new Set<number>(i % 4 === 0 ? [0] : []);
    while (who.size < 3) who.add(1 + Math.floor(rand() * 7));
    for (const j of who) {
      let label = Math.min(5, Math.max(1, Math.round(latent + (rand() - 0.5) * 1.2)));
      if (lenient && j === 0 && slice === 'refunds') label = Math.min(5, label + 1);
      const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000 + j * 1000).toISOString();
      lines.push(JSON.stringify({ item_id: `q${i}`, labeler_id: `L${j}`, label, labeled_at: at, slice, session_id: `L${j}-day${Math.floor(i / 120)}` }));
    }
  }
  const path = join(tmp.dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('touchstone skew', () => {
  const db = join(tmp.dir, 's.duckdb');

  it('flags a labeler lenient on one slice: exit 1, the JSON fields of the issue, the snapshot action', async () => {
    expect((await runCli(['--db', db, 'ingest', 'labels', goldFile('lenient.jsonl', true), '--gold', 'support', '--scale', 'ordinal:1-5', '--pass-threshold', '4'])).code).toBe(0);
    const run = await runCli(['--db', db, 'skew', '--gold', 'support', '--json', '--permutations', '200', '--bootstrap', '50']);
    expect(run.code).toBe(1);
    const r = JSON.parse(run.stdout) as Record<string, unknown> & { flags: Record<string, unknown>[]; labelers: Record<string, unknown>[]; agreement: Record<string, unknown> };
    expect(r.agreement['krippendorff_alpha']).toMatchObject({ metric: 'ordinal', value: expect.any(Number) });
    expect(Object.keys(r.labelers[0]!)).toEqual(expect.arrayContaining(['labeler_id', 'n_labels', 'share', 'leniency', 'ci', 'p_value', 'q_value', 'flagged', 'direction']));
    const top = r.flags[0]!;
    expect(top).toMatchObject({ labeler_id: 'L0', kind: 'leniency', direction: 'lenient', impact: { flipped_items: expect.any(Number), pass_rate_shift: expect.any(Number) } });
    expect(r.flags.some((f) => f['labeler_id'] === 'L0' && f['slice'] === 'refunds')).toBe(true);
    expect(Object.keys(top)).toEqual(expect.arrayContaining(['labeler_id', 'slice', 'kind', 'direction', 'effect', 'q_value', 'impact']));
    expect(top['action']).toBe('touchstone gold snapshot support --tag without-L0 --exclude-labeler L0');

    const human = await runCli(['--db', db, 'skew', '--gold', 'support', '--permutations', '100', '--bootstrap', '0']);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('HEADLINE: L0 labeled');
    expect(human.stdout).toContain('→ touchstone gold snapshot support --tag without-L0 --exclude-labeler L0');

    // The action works: a snapshot without L0 exists afterwards.
    const snap = await runCli(['--db', db, 'gold', 'snapshot', 'support', '--tag', 'without-L0', '--exclude-labeler', 'L0', '--json']);
    expect(snap.code).toBe(0);
    expect(JSON.parse(snap.stdout)).toMatchObject({ excluded_labelers: ['L0'] });
  });

  it('exits 0 when nothing is flagged', async () => {
    expect((await runCli(['--db', db, 'ingest', 'labels', goldFile('clean.jsonl', false), '--gold', 'clean', '--scale', 'ordinal:1-5'])).code).toBe(0);
    const run = await runCli(['--db', db, 'skew', '--gold', 'clean', '--json', '--permutations', '100', '--bootstrap', '0']);
    expect(JSON.parse(run.stdout)).toMatchObject({ flags: [] });
    expect(run.code).toBe(0);
  });

  it('exits 2 on a bad option and 3 on an unknown gold set', async () => {
    const bad = await runCli(['--db', db, 'skew', '--gold', 'support', '--alpha', '1.5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--alpha must be in \(0, 1\)/);
    const missing = await runCli(['--db', db, 'skew', '--gold', 'nope', '--json']);
    expect(missing.code).toBe(3);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'GOLD_NOT_FOUND' } });
    const help = await runCli(['skew', '--help']);
    expect(help.stdout).toContain('--exclude-labeler');
  });
});
