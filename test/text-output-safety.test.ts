import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuditStore, EVIL_LABELER } from './audit-fixture.js';
import { runCli, tempDir, TOUCHSTONE } from './helpers/cli.js';

// A labeler id that would set the clipboard (OSC 52) and recolour the terminal. Text output is for a
// person's terminal, so it carries none of it; --json keeps the data exactly as stored.
const tmp = tempDir('touchstone-text-safety-');
let db: string;
beforeAll(async () => {
  db = await buildAuditStore(tmp.dir);
});
afterAll(() => tmp.cleanup());

describe('text output strips escape sequences from data; JSON keeps the data', () => {
  it.each([['provenance'], ['skew']])('touchstone %s', async (command) => {
    const text = await runCli(['--db', db, command, '--gold', 'g']);
    expect(text.stdout).toContain('mallory');
    // eslint-disable-next-line no-control-regex
    expect(text.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
    const json = await runCli(['--db', db, command, '--gold', 'g', '--json']);
    expect(json.stdout).toContain(JSON.stringify(EVIL_LABELER).slice(1, -1));
  });
});

describe('a labeler id with escape codes', () => {
  it('skew suggests an --exclude-labeler command that runs as printed in a POSIX shell', async () => {
    // Here the hostile labeler is the lenient one, so skew suggests excluding it.
    const own = join(tmp.dir, 'lenient-evil.duckdb');
    const labels = join(tmp.dir, 'lenient-evil.jsonl');
    writeFileSync(labels, Array.from({ length: 60 }, (_, i) => ['ann', 'bob', 'cat', EVIL_LABELER].map((labeler) =>
      JSON.stringify({ item_id: `i${i}`, labeler_id: labeler, label: Math.min(5, 1 + (i % 3) + (labeler === EVIL_LABELER ? 2 : 0)), labeled_at: '2026-01-05T10:00:00Z', slice: 's' })).join('\n')).join('\n'));
    expect((await runCli(['--db', own, 'ingest', 'labels', labels, '--gold', 'g', '--scale', 'ordinal:1-5', '--pass-threshold', '4'])).code).toBe(0);
    const skew = await runCli(['--db', own, 'skew', '--gold', 'g']);
    const suggested = /touchstone (gold snapshot .*--exclude-labeler .*)$/m.exec(skew.stdout)?.[1];
    expect(suggested, skew.stdout).toContain("$'mal");
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${TOUCHSTONE}" --db "${own}" ${suggested ?? ''}`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('without mallory');
  });
});
