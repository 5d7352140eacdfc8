import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DRIFT_CHECK, runCli, tempDir } from './helpers/cli.js';
import { writeResolveHook } from './helpers/resolve-hook.js';

const tmp = tempDir('touchstone-lean-');
afterAll(() => tmp.cleanup());

/** A module-resolution hook (node:module register) that logs every URL the process resolves. */
function loaderLog(): { importArg: string; log: string } {
  const log = join(tmp.dir, `resolved-${Date.now()}.log`);
  const hooks = writeResolveHook(tmp.dir);
  const register = join(tmp.dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(hooks).href)}, import.meta.url, { data: { out: ${JSON.stringify(log)} } });
`);
  return { importArg: pathToFileURL(register).href, log };
}

describe('the drift-check binary stays lean (the cron path)', () => {
  it('never resolves React or Ink — shown by a resolve hook that logs the whole module graph', async () => {
    const { importArg, log } = loaderLog();
    const r = await runCli(['--db', join(tmp.dir, 'none.duckdb'), '--gold', 'x', '--now', '2026-01-01T00:00:00Z'], {
      bin: DRIFT_CHECK,
      env: { NODE_OPTIONS: `--import ${importArg}` },
    });
    expect(r.code).toBe(3);
    const urls = readFileSync(log, 'utf8').trim().split('\n');
    // The log is real: it saw the CLI, commander and the core library load.
    expect(urls.some((u) => u.includes('/packages/cli/dist/commands/drift-check.js'))).toBe(true);
    expect(urls.some((u) => u.includes('/node_modules/commander/'))).toBe(true);
    expect(urls.some((u) => u.includes('/packages/core/dist/index.js'))).toBe(true);
    expect(urls.filter((u) => /\/node_modules\/(ink|react|react-reconciler|yoga-layout)\//.test(u))).toEqual([]);
    expect(urls.some((u) => u.includes('/packages/cli/dist/commands/registry.js'))).toBe(false);
  });

  it('starts fast: --help answers in well under 3 s', async () => {
    const started = Date.now();
    const r = await runCli(['--help'], { bin: DRIFT_CHECK });
    const ms = Date.now() - started;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: drift-check');
    expect(ms).toBeLessThan(3000);
  });
});
