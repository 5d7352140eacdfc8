import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli, tempDir } from './helpers/cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

// A writer that stages like `touchstone ingest` does: the store opened with deferWrite, taken for
// writing on "acquire", released on "close". Each step is acknowledged on stdout.
const WRITER = `
import { createInterface } from 'node:readline';
import { Store } from '@touchstone/core';
const store = await Store.open(process.argv[1], { deferWrite: true, holder: 'touchstone ingest traffic' });
console.log('staging');
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'acquire') { await store.acquire(); console.log('held'); }
  if (line === 'close') { store.close(); console.log('closed'); break; }
}`;

describe('an ingest holds the store only while it commits', () => {
  it('readers work while it stages; while it commits they exit 3 naming the command, its pid and since when', async () => {
    const db = join(tmp.dir, 'lock.duckdb');
    const labels = join(tmp.dir, 'l.jsonl');
    writeFileSync(labels, '{"item_id":"i1","labeler_id":"ann","label":1,"labeled_at":"2026-01-01T00:00:00Z"}\n');
    expect((await runCli(['--db', db, 'ingest', 'labels', labels, '--gold', 'g', '--scale', 'binary'])).code).toBe(0);

    const child = spawn(process.execPath, ['--input-type=module', '-e', WRITER, db], { cwd: join(REPO, 'test'), stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const next = async (): Promise<string> => String((await lines.next()).value);
    try {
      expect(await next()).toBe('staging');
      const during = await runCli(['--db', db, 'provenance', '--gold', 'g', '--json']);
      expect(during.code).toBe(0);

      child.stdin.write('acquire\n');
      expect(await next()).toBe('held');
      const busy = await runCli(['--db', db, 'provenance', '--gold', 'g', '--json']);
      expect(busy.code).toBe(3);
      expect(busy.stderr).toMatch(
        new RegExp(`is in use by another Touchstone process \\(touchstone ingest traffic \\(pid ${child.pid}\\) since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC, \\d+s ago\\); retry when it finishes, or pass --wait`),
      );

      child.stdin.write('close\n');
      expect(await next()).toBe('closed');
      expect((await runCli(['--db', db, 'provenance', '--gold', 'g', '--json'])).code).toBe(0);
    } finally {
      child.kill();
    }
  }, 60_000);
});
