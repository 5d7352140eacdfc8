import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DRIFT_CHECK, runCli, tempDir } from './helpers/cli.js';
import { BUNDLE, modulesIn, readBundleManifest } from './helpers/bundle-manifest.js';
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
    // The binary is bundled (packages/cli/scripts/bundle.mjs): the hook sees the bundle's chunk files, and
    // the bundle's manifest says which source modules each chunk holds.
    const urls = readFileSync(log, 'utf8').trim().split('\n');
    const chunks = readBundleManifest();
    const loaded = urls.filter((u) => u.startsWith(pathToFileURL(BUNDLE).href)).map((u) => u.slice(pathToFileURL(BUNDLE).href.length + 1));
    expect(loaded).toContain('drift-check.js');
    const modules = modulesIn(chunks, loaded);
    // The log is real: it saw the drift-check command, commander and the core library load.
    expect(modules).toContain('packages/cli/dist/commands/drift-check.js');
    expect(modules.some((m) => m.startsWith('node_modules/commander/'))).toBe(true);
    expect(modules).toContain('packages/core/dist/index.js');
    const ui = /(^|\/)node_modules\/(ink|react|react-reconciler|yoga-layout)\//;
    // Neither bundled into a loaded chunk nor resolved from node_modules.
    expect(modules.filter((m) => ui.test(m))).toEqual([]);
    expect(urls.filter((u) => ui.test(u))).toEqual([]);
    expect(modules).not.toContain('packages/cli/dist/commands/registry.js');
    // The check can fail: the bundle does hold Ink, in a chunk this command never loads.
    expect(Object.values(chunks).some((c) => c.modules.some((m) => m.startsWith('node_modules/ink/')))).toBe(true);
  });

  // How fast it starts is measured by what it loads, not by a clock (CI is a busy 2-core box).
  it('starts light: --help never loads DuckDB (its native binding is the heavy part of a start)', async () => {
    const { importArg, log } = loaderLog();
    const r = await runCli(['--help'], { bin: DRIFT_CHECK, env: { NODE_OPTIONS: `--import ${importArg}` } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: drift-check');
    const urls = readFileSync(log, 'utf8').trim().split('\n');
    const loaded = urls.filter((u) => u.startsWith(pathToFileURL(BUNDLE).href)).map((u) => u.slice(pathToFileURL(BUNDLE).href.length + 1));
    const modules = modulesIn(readBundleManifest(), loaded);
    expect(modules).toContain('packages/cli/dist/commands/drift-check.js');
    expect(urls.filter((u) => /@duckdb|\.node$/.test(u))).toEqual([]);
  });
});
