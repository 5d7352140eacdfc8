import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes a module-resolution hook (for node:module `register`) that appends every URL the process
 * resolves to the file named by its `data.out`; returns the hook file's path. Used to prove what a
 * command or entry point loads (and does not load).
 */
export function writeResolveHook(dir: string): string {
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(hooks, `import { appendFileSync } from 'node:fs';
let out;
export async function initialize(data) { out = data.out; }
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(out, r.url + '\\n');
  return r;
}
`);
  return hooks;
}
