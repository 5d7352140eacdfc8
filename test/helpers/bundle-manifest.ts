import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './cli.js';

/** Where the binaries' bundle lives (packages/cli/scripts/bundle.mjs writes it and its manifest). */
export const BUNDLE = join(REPO, 'packages/cli/dist/bundle');

export interface BundleChunk {
  /** The entry's name (touchstone, drift-check, compute-child), or null for a shared or dynamic chunk. */
  readonly entry: string | null;
  /** Chunks and external modules (node:fs, vega …) this chunk imports statically. */
  readonly imports: readonly string[];
  readonly dynamic_imports: readonly string[];
  /** The source modules inside it, relative to the repository (packages/core/dist/index.js, node_modules/react/…). */
  readonly modules: readonly string[];
}

export function readBundleManifest(): Record<string, BundleChunk> {
  return (JSON.parse(readFileSync(join(BUNDLE, 'manifest.json'), 'utf8')) as { chunks: Record<string, BundleChunk> }).chunks;
}

/** The chunk file names (and external modules) that loading `roots` loads: their static imports, transitively. */
export function staticClosure(chunks: Record<string, BundleChunk>, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const next of chunks[name]?.imports ?? []) visit(next);
  };
  roots.forEach(visit);
  return seen;
}

/** Every source module in the given chunks, plus the external modules among them (by their specifier). */
export function modulesIn(chunks: Record<string, BundleChunk>, names: Iterable<string>): string[] {
  return [...names].flatMap((name) => chunks[name]?.modules ?? [name]);
}
