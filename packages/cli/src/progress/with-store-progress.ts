import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { withStore } from '../with-store.js';
import { withProgress } from './create-progress.js';

/**
 * `withStore` with a spinner on stderr for the whole of `work`, labelled with the command's name
 * ("ingest labels …"); silent under --json, CI and when stderr is not a terminal. A drop-in for
 * commands whose library call reports no progress of its own.
 */
export function withStoreProgress<T>(ctx: CliContext, command: Command, mode: 'read' | 'write', work: Parameters<typeof withStore<T>>[3]): Promise<T> {
  const name = [command.parent?.name(), command.name()].filter((n) => n !== undefined && n !== 'touchstone').join(' ');
  const json = (command.opts() as { json?: unknown }).json === true;
  return withProgress(ctx, name, json, () => withStore(ctx, command, mode, work));
}
