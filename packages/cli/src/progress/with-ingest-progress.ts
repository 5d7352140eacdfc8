import type { Store } from '@touchstone/core';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { commandName, withStore } from '../with-store.js';
import { createProgress } from './create-progress.js';

type OnProgress = (progress: { readonly phase: string; readonly read: number }) => void;

/**
 * `withStore` for an ingest, with a progress line on stderr naming the ingest's phase, the records
 * read and their rate ("ingest traffic: reading and validating  120,000  4.1s  29,268 records/s");
 * silent under --json, CI and when stderr is not a terminal.
 */
export async function withIngestProgress<T>(ctx: CliContext, command: Command, work: (store: Store, onProgress: OnProgress) => Promise<T>): Promise<T> {
  const name = commandName(command).replace(/^touchstone /, '');
  const json = (command.opts() as { json?: unknown }).json === true;
  const progress = createProgress(ctx, name, { json, unit: 'records' });
  try {
    return await withStore(ctx, command, 'ingest', (store) =>
      work(store, (p) => {
        progress.label(`${name}: ${p.phase}`);
        progress.update(p.read);
      }),
    );
  } finally {
    progress.done();
  }
}
