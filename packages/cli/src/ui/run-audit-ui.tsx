import { render } from 'ink';
import { App } from './App.js';
import { AuditContext } from './audit-context.js';
import type { AuditSource } from './data/audit-source.js';
import type { ResourceCache } from './resource-cache.js';
import { themeFromEnv } from './theme.js';

export interface AuditUiOptions {
  readonly source: AuditSource;
  /** The cache the screens read; loads already started in it (the provenance) show as soon as they finish. */
  readonly cache: ResourceCache;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Whether keys can be read: Ink needs stdin in raw mode, which only a terminal has (`echo | touchstone audit` has none). */
export function canReadKeys(): boolean {
  return process.stdin.isTTY === true;
}

/**
 * Runs the interactive audit on the terminal until the user quits; resolves then. Loaded only by
 * `touchstone audit` on a TTY (dynamic import), so no other path pays for React and Ink.
 */
export async function runAuditUi(options: AuditUiOptions): Promise<void> {
  const env = { source: options.source, cache: options.cache, theme: themeFromEnv(options.env) };
  const app = render(
    <AuditContext.Provider value={env}>
      <App />
    </AuditContext.Provider>,
    // 60 frames/s: a keypress is drawn within ~17 ms of being handled (Ink's default 30 allows ~33 ms).
    { exitOnCtrlC: true, patchConsole: true, maxFps: 60 },
  );
  await app.waitUntilExit();
}
