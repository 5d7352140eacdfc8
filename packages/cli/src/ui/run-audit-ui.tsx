import { render } from 'ink';
import type { Store } from '@touchstone/core';
import { App } from './App.js';
import { AuditContext } from './audit-context.js';
import { workerPool } from './compute/run-in-worker.js';
import { createAuditSource } from './data/audit-source.js';
import { createResourceCache } from './resource-cache.js';
import { themeFromEnv } from './theme.js';

export interface AuditUiOptions {
  readonly goldSet: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Runs the interactive audit on the terminal until the user quits; resolves then. Loaded only by
 * `touchstone audit` on a TTY (dynamic import), so no other path pays for React and Ink.
 * Heavy statistics run in worker threads, which are stopped on quit.
 */
export async function runAuditUi(store: Store, options: AuditUiOptions): Promise<void> {
  const pool = workerPool();
  try {
    const source = await createAuditSource(store, { goldSet: options.goldSet, compute: pool.run, sanitize: true, computeAfterFirstScreenMs: 1500 });
    const env = { source, cache: createResourceCache(), theme: themeFromEnv(options.env) };
    const app = render(
      <AuditContext.Provider value={env}>
        <App />
      </AuditContext.Provider>,
      // 60 frames/s: a keypress is drawn within ~17 ms of being handled (Ink's default 30 allows ~33 ms).
      { exitOnCtrlC: true, patchConsole: true, maxFps: 60 },
    );
    await app.waitUntilExit();
  } finally {
    await pool.terminate();
  }
}
