import { Store } from '@touchstone/core';
import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { resolveDbPath } from './context.js';
import { GlobalOptionsSchema } from './global-options.js';

/**
 * Opens the store named by --db / $TOUCHSTONE_DB (read-only for reporting commands), runs `work`,
 * and always closes it. --wait retries a locked store for up to 10 minutes.
 */
export async function withStore<T>(ctx: CliContext, command: Command, mode: 'read' | 'write', work: (store: Store) => Promise<T>): Promise<T> {
  const globals = GlobalOptionsSchema.parse(command.optsWithGlobals());
  const store = await Store.open(resolveDbPath(ctx, globals.db), {
    readOnly: mode === 'read',
    ...(globals.wait === true ? { waitMs: 600_000 } : {}),
  });
  try {
    return await work(store);
  } finally {
    store.close();
  }
}
