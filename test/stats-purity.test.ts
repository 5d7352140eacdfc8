import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from './helpers/cli.js';
import { writeResolveHook } from './helpers/resolve-hook.js';

// The pure entries of the BUILT packages, imported by a fresh Node process from the repo root, with
// three independent witnesses of what got loaded: a module-resolution hook (node:module register)
// logging every URL resolved, the CommonJS module cache after the import, and every native addon
// opened (process.dlopen, how DuckDB's binding loads).
const tmp = tempDir('touchstone-purity-');
afterAll(() => tmp.cleanup());

const HOOKS = writeResolveHook(tmp.dir);
const REGISTER = join(tmp.dir, 'register.mjs');
writeFileSync(REGISTER, `import { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(HOOKS).href)}, import.meta.url, { data: { out: process.env.RESOLVE_LOG } });
globalThis.__dlopened = [];
const dlopen = process.dlopen;
process.dlopen = function (module, filename, ...rest) { globalThis.__dlopened.push(filename); return dlopen.call(this, module, filename, ...rest); };
`);

interface Loaded {
  readonly resolved: string[];
  readonly commonjs: string[];
  readonly dlopened: string[];
  readonly importMs: number;
}

let runs = 0;
/** Imports `specifier` in a new Node process at the repo root and reports everything it loaded. */
function load(specifier: string): Loaded {
  const log = join(tmp.dir, `resolved-${runs++}.log`);
  writeFileSync(log, '');
  const script = `import { createRequire } from 'node:module';
const t0 = performance.now();
await import(${JSON.stringify(specifier)});
const importMs = performance.now() - t0;
const cache = Object.keys(createRequire(process.cwd() + '/').cache);
process.stdout.write(JSON.stringify({ commonjs: cache, dlopened: globalThis.__dlopened, importMs }));`;
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(REGISTER).href, '--input-type=module', '-e', script], {
    cwd: REPO,
    env: { ...process.env, RESOLVE_LOG: log },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`import ${specifier} failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as Omit<Loaded, 'resolved'>;
  return { ...out, resolved: readFileSync(log, 'utf8').trim().split('\n') };
}

const HEAVY = /\/node_modules\/(@duckdb\/|ink\/|react\/|react-reconciler\/|yoga-layout\/)/;
const heavy = (l: Loaded): string[] => [...l.resolved, ...l.commonjs, ...l.dlopened].filter((u) => HEAVY.test(u) || u.endsWith('.node') || u.includes('/packages/core/dist/store/store.js'));

describe('pure entries load no DuckDB, Ink or React (built packages)', () => {
  it('the witnesses work: the full @touchstone/core loads DuckDB and its native binding; ink loads React', () => {
    const core = load('@touchstone/core');
    expect(core.resolved.some((u) => u.includes('/node_modules/@duckdb/node-api/'))).toBe(true);
    expect(core.resolved.some((u) => u.includes('/packages/core/dist/store/store.js'))).toBe(true);
    expect(core.commonjs.some((p) => p.includes('/node_modules/@duckdb/'))).toBe(true);
    expect(core.dlopened.some((p) => p.endsWith('.node'))).toBe(true);
    const ink = load('ink');
    expect(ink.resolved.some((u) => u.includes('/node_modules/react/'))).toBe(true);
    expect(heavy(ink).length).toBeGreaterThan(0);
  });

  for (const entry of ['@touchstone/core/stats', '@touchstone/core/schemas', '@touchstone/judge-calibration']) {
    it(`${entry} loads none of them`, () => {
      const l = load(entry);
      // The log is real: it saw the entry itself load.
      const own = entry === '@touchstone/judge-calibration' ? '/packages/judge-calibration/dist/index.js' : `/packages/core/dist/${entry.split('/')[2] ?? ''}.js`;
      expect(l.resolved.some((u) => u.endsWith(own))).toBe(true);
      expect(heavy(l)).toEqual([]);
      console.info(`${entry}: ${l.resolved.length} resolutions, ${l.commonjs.length} CommonJS modules, import ${l.importMs.toFixed(0)} ms`);
    });
  }
});
