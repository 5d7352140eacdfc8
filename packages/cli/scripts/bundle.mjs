// Bundles the built CLI (dist/, from tsc) into dist/bundle/: the two binaries and the audit's compute
// child as entries, everything they import (core, zod, commander, React, Ink …) in shared chunks,
// dynamic imports kept as separate chunks so each command still loads only what it uses.
//
// Why: start-up is module loading. Unbundled, `touchstone audit` resolves and reads some 1,500 files
// (React and Ink in development mode) before its first frame; bundled, a few dozen, with React in
// production mode. bench/RESULTS.md has the numbers.
//
// Kept outside the bundle: the native DuckDB binding (a .node file found at run time), Vega (only
// `touchstone report` loads it, and it is large), and react-devtools-core (Ink loads it only with
// DEV=true; it is not installed).
//
// dist/bundle/manifest.json lists each chunk's source modules and imports, so tests can prove what a
// command loads (test/drift-check-lean.test.ts, test/audit-lean.test.ts).
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const PACKAGE = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO = resolve(PACKAGE, '../..');
const OUT = join(PACKAGE, 'dist/bundle');

rmSync(OUT, { recursive: true, force: true });
const problems = [];
const result = await build({
  input: {
    touchstone: join(PACKAGE, 'dist/bin.js'),
    'drift-check': join(PACKAGE, 'dist/drift-check-bin.js'),
    // compute-pool.ts forks `./compute-child.js` beside itself, so the child is an entry in the same folder.
    'compute-child': join(PACKAGE, 'dist/ui/compute/compute-child.js'),
  },
  platform: 'node',
  external: [/^@duckdb\/node-bindings/, /^vega(-lite)?$/, /^react-devtools-core$/],
  transform: { define: { 'process.env.NODE_ENV': '"production"' } },
  // Any warning (an unresolved import, a broken re-export) fails the build instead of shipping.
  onLog: (level, log) => {
    if (level !== 'debug') problems.push(`${log.code ?? level}: ${log.message}`);
  },
  output: { dir: OUT, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
});
if (problems.length > 0) {
  rmSync(OUT, { recursive: true, force: true });
  console.error(`bundle: ${problems.length} problem(s):\n${problems.join('\n')}`);
  process.exit(1);
}

const chunks = {};
for (const chunk of result.output) {
  if (chunk.type !== 'chunk') continue;
  chunks[chunk.fileName] = {
    entry: chunk.isEntry ? chunk.name : null,
    imports: chunk.imports,
    dynamic_imports: chunk.dynamicImports,
    modules: chunk.moduleIds.filter((id) => !id.startsWith('\0')).map((id) => relative(REPO, id).split('\\').join('/')),
  };
}
writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify({ chunks }, null, 1)}\n`);
console.log(`bundle: ${Object.keys(chunks).length} chunks in ${relative(REPO, OUT)}`);
