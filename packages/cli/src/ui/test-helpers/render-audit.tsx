import { render } from 'ink-testing-library';
import type { Store } from '@touchstone/core';
import { App } from '../App.js';
import { AuditContext } from '../audit-context.js';
import { createAuditSource, type AuditSource } from '../data/audit-source.js';
import { createResourceCache } from '../resource-cache.js';
import type { Theme } from '../theme.js';

export const KEY = { down: '\u001b[B', up: '\u001b[A', enter: '\r', esc: '\u001b', tab: '\t', backspace: '\u007f' } as const;

export interface AuditHarness {
  readonly frame: () => string;
  readonly frames: readonly string[];
  readonly unmount: () => void;
  readonly resize: (columns: number, rows: number) => void;
  readonly press: (...keys: string[]) => Promise<void>;
  readonly until: (test: (frame: string) => boolean, ms?: number) => Promise<string>;
}

/** Renders the audit App over a real store (statistics inline, not in a child process) at a fixed terminal size. */
export async function renderAudit(store: Store, goldSet: string, options: { columns?: number; rows?: number; theme?: Theme; source?: AuditSource } = {}): Promise<AuditHarness> {
  const source = options.source ?? (await createAuditSource(store, { goldSet, compute: 'inline', sanitize: true }));
  const size = { columns: options.columns ?? 80, rows: options.rows ?? 24 };
  const env = { source, cache: createResourceCache(), theme: options.theme ?? { color: false }, size };
  const tree = (s: typeof size) => (
    <AuditContext.Provider value={{ ...env, size: s }}>
      <App />
    </AuditContext.Provider>
  );
  const app = render(tree(size));
  const frame = (): string => app.lastFrame() ?? '';
  return {
    frame,
    frames: app.frames,
    unmount: app.unmount,
    /** Re-renders at another terminal size (what a resize does). */
    resize: (columns: number, rows: number) => app.rerender(tree({ columns, rows })),
    /** Writes keys one at a time, letting Ink handle each. */
    async press(...keys: string[]) {
      for (const k of keys) {
        app.stdin.write(k);
        await tick(15);
      }
    },
    /** Waits until the frame satisfies `test` (or fails with the last frame after `ms`: a hang guard, returned from at once when ready; CI is a busy 2-core box). */
    async until(test: (frame: string) => boolean, ms = 240_000): Promise<string> {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        if (test(frame())) {
          // Let React run the effects of that frame (key handlers attach there) before the next key.
          await tick(30);
          return frame();
        }
        await tick(10);
      }
      throw new Error(`frame never matched; last frame:\n${frame()}`);
    },
  };
}

function tick(ms = 5): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
