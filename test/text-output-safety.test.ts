import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuditStore, EVIL_LABELER } from './audit-fixture.js';
import { runCli, tempDir } from './helpers/cli.js';

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
