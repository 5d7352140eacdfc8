import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, TOUCHSTONE } from './helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function writeLabels(path: string, n: number, labeler: string): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < n; i++) out.write(`{"item_id":"i${i}","labeler_id":"${labeler}","label":${(i % 5) + 1},"labeled_at":"2026-01-01T00:00:00Z","slice":"s${i % 7}"}\n`);
  await new Promise<void>((r) => out.end(() => r()));
}

describe('an ingest is one transaction', () => {
  it('killed at any moment, the store holds the whole batch or none of it, and verify stays intact', async () => {
    const db = join(tmp.dir, 'atomic.duckdb');
    const file = join(tmp.dir, 'big.jsonl');
    await writeLabels(file, 200_000, 'ann');
    const seed = join(tmp.dir, 'seed.jsonl');
    await writeLabels(seed, 10, 'zed');
    expect((await runCli(['--db', db, 'ingest', 'labels', seed, '--gold', 'g', '--scale', 'ordinal:1-5'])).code).toBe(0);
    const outcomes: number[] = [];
    for (const delayMs of [150, 400, 700, 1000, 1400, 2000]) {
      const child = spawn(process.execPath, [TOUCHSTONE, '--db', db, 'ingest', 'labels', file, '--gold', 'g'], { stdio: 'ignore' });
      // Listen before killing: a later run (all duplicates) can finish before the kill, and 'close' fires once.
      const closed = new Promise((r) => child.on('close', r));
      await new Promise((r) => setTimeout(r, delayMs));
      child.kill('SIGKILL');
      await closed;
      const p = await runCli(['--db', db, 'provenance', '--gold', 'g', '--json']);
      expect(p.code).toBe(0);
      const rep = JSON.parse(p.stdout) as { labels: { total_rows: number }; batches: { n_inserted: number }[] };
      expect(rep.labels.total_rows).toBe(rep.batches.reduce((s, b) => s + b.n_inserted, 0));
      outcomes.push(rep.batches.length);
      const v = await runCli(['--db', db, 'verify', '--json']);
      expect(JSON.parse(v.stdout)).toMatchObject({ intact: true });
    }
    // Batches only ever grow by whole batches: 1 (seed) then 1 or 2 (the big file committed at most once, later runs are duplicates).
    expect(outcomes.every((n) => n === 1 || n >= 2)).toBe(true);
  });
});
