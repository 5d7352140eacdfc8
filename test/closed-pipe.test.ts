import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO, TOUCHSTONE } from './helpers/cli.js';

describe('a reader that has closed the pipe (touchstone … | head -0)', () => {
  it('ends the command quietly with its exit code, no EPIPE stack trace', async () => {
    const child = spawn(process.execPath, [TOUCHSTONE, 'schema', 'labels'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    // Close our end before the command has written anything: its first write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Unhandled 'error' event/);
    expect(code).toBe(0);
  });
});
