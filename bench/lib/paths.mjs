import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where things are: the repo, the built CLI, and bench/out (git-ignored) for data and scratch stores. */
export const BENCH = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO = resolve(BENCH, '..');
export const TOUCHSTONE = join(REPO, 'packages/cli/bin/touchstone.js');
export const OUT = join(BENCH, 'out');
export const DATA = join(OUT, 'data');
export const SCRATCH = join(OUT, 'scratch');

/** A directory under bench/out, created if missing. */
export function outDir(...parts) {
  const dir = join(OUT, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}
