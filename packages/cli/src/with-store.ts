import { Store } from '@touchstone/core';
import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { resolveDbPath } from './context.js';
import { GlobalOptionsSchema } from './global-options.js';

// An ingest's staged rows spill to disk past this (issue 16: under 1 GB of RSS for a file of any
// size). Staging 10M Parquet traffic rows peaked at 2.7 GB of RSS under DuckDB's default (80% of
// RAM). The whole 10M ingest peaked at 852-976 MB under 512MB (too near 1 GB) and at 673-813 MB
// under 384MB, at the same wall time within noise (CLI under /usr/bin/time: 48.7 s vs 49.1-50.5 s;
// the bench's ingest-traffic-10m run under 384MB: 673 MB in bench/RESULTS.md).
const INGEST_MEMORY_LIMIT = '384MB';

/**
 * Opens the store named by --db / $TOUCHSTONE_DB (read-only for reporting commands), runs `work`,
 * and always closes it. --wait retries a locked store for up to 10 minutes. `ingest` writes only
 * when its records are staged and validated (Store deferWrite), so readers are turned away only
 * while it commits; writers record their command for the message a turned-away process prints.
 */
export async function withStore<T>(ctx: CliContext, command: Command, mode: 'read' | 'write' | 'ingest', work: (store: Store) => Promise<T>): Promise<T> {
  const globals = GlobalOptionsSchema.parse(command.optsWithGlobals());
  const store = await Store.open(resolveDbPath(ctx, globals.db), {
    readOnly: mode === 'read',
    ...(mode === 'ingest' ? { deferWrite: true, memoryLimit: INGEST_MEMORY_LIMIT } : {}),
    holder: commandName(command),
    ...(globals.wait === true ? { waitMs: 600_000 } : {}),
  });
  try {
    return await work(store);
  } finally {
    store.close();
  }
}

/** "touchstone ingest traffic", from the command and its parents. */
export function commandName(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c !== null; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
