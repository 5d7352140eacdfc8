import type { Command } from 'commander';
import { z } from 'zod';
import { EXIT, type Store } from '@touchstone/core';
import type { CommandModule } from '../command-module.js';
import type { CliContext } from '../context.js';
import { parseOptions } from '../parse-options.js';
import { createProgress } from '../progress/create-progress.js';
import { printJson, printText, runAction } from '../run-action.js';
import { auditDocument } from '../ui/data/audit-document.js';
import { computePool } from '../ui/compute/compute-pool.js';
import { createAuditSource } from '../ui/data/audit-source.js';
import { resolveGoldSet } from '../ui/data/resolve-gold-set.js';
import { createResourceCache } from '../ui/resource-cache.js';
import { renderAuditSummary } from '../ui/static/render-audit-summary.js';
import { withStore } from '../with-store.js';

/** How long the first frame waits for the provenance before it draws with spinners instead. */
const FIRST_SCREEN_WAIT_MS = 400;

const Options = z.object({ gold: z.string().min(1).optional(), json: z.boolean().optional() });

export const auditCommand: CommandModule = {
  register(program, { ctx, setExit }) {
    program
      .command('audit')
      .description('interactive terminal audit of a gold set: overview, labelers, drift, judge, items')
      .option('--gold <name>', 'gold set to audit (default: the only one in the store)')
      .option('--json', 'print the whole audit as one JSON document (no terminal UI)')
      .addHelpText('after', `
Screens: Overview (health at a glance), Labelers (sortable; Enter drills into one: leniency by slice,
timeline, fatigue, guideline versions, items whose consensus depends on them), Drift, Judge, and Items
(search; an item's text and full label history with batch, file, actor and guideline version).
Keys: ↑↓ or j/k move, Tab switches screens, Enter drills in, Esc goes back, / searches, ? help, q quits.
Colour follows NO_COLOR. When stdout or stdin is not a terminal (or CI is set) it prints a static summary instead.
audit explores; it exits 0. The gates are touchstone verify, skew and drift-check.

Examples:
  touchstone audit --gold support
  touchstone audit --gold support --json | jq '.provenance.concentration'`)
      .action(async (raw: unknown, cmd: Command) => {
        const opts = parseOptions(Options, raw, 'audit');
        const json = opts.json === true;
        const interactive = !json && ctx.isTTY && !inCi(ctx.env);
        // React and Ink load only here, on a terminal: every other path (--json, pipes, cron) stays lean.
        // The import starts now, beside opening the store, to bring the first screen sooner.
        const ui = interactive ? import('../ui/run-audit-ui.js') : undefined;
        ui?.catch(() => undefined);
        setExit(await runAction(ctx, json, () => withStore(ctx, cmd, 'read', async (store) => {
          const goldSet = await resolveGoldSet(store, opts.gold, 'audit');
          if (ui !== undefined) {
            // Heavy statistics run in child processes; the provenance (the first screen) starts loading
            // now, while Ink is still being imported.
            const pool = computePool();
            try {
              const source = await createAuditSource(store, { goldSet, compute: pool.run, sanitize: true, computeAfterFirstScreenMs: 1500 });
              const cache = createResourceCache();
              const first = cache.load('provenance', () => source.provenance());
              const { canReadKeys, runAuditUi } = await ui;
              if (canReadKeys()) {
                // Ink's first render holds the event loop long enough to stall the provenance's queries (each
                // needs a turn of the loop to start the next), so the first screen waits briefly for them and
                // draws once, complete; a slow store still gets its spinners after the deadline.
                await settledOrAfter(first, FIRST_SCREEN_WAIT_MS);
                await runAuditUi({ source, cache, env: ctx.env });
                return EXIT.ok;
              }
              // No keys to read (stdin is not a terminal): the static summary, once the store is free again.
              await first;
            } finally {
              pool.stop();
            }
          }
          const doc = await staticAudit(ctx, store, goldSet, json);
          if (json) printJson(ctx, doc);
          else printText(ctx, renderAuditSummary(doc));
          return EXIT.ok;
        })));
      });
  },
};

/** Resolves when `work` settles (either way; its outcome is read elsewhere) or after `ms`, whichever is first. */
function settledOrAfter(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((r) => (timer = setTimeout(r, ms)));
  return Promise.race([work.then(() => undefined, () => undefined), deadline]).finally(() => clearTimeout(timer));
}

/** CI sets CI=true; Ink then draws only the last frame, so a CI job with a terminal gets the static summary too. */
function inCi(env: CliContext['env']): boolean {
  return ['CI', 'CONTINUOUS_INTEGRATION'].some((k) => env[k] !== undefined && env[k] !== '0' && env[k] !== 'false');
}

/** The audit document computed in-process (no child process), with a spinner on a terminal stderr. */
async function staticAudit(ctx: CliContext, store: Store, goldSet: string, json: boolean) {
  const source = await createAuditSource(store, { goldSet, compute: 'inline', sanitize: !json });
  const progress = createProgress(ctx, 'auditing', { json });
  try {
    return await auditDocument(source, (section) => progress.label(`auditing: ${section}`));
  } finally {
    progress.done();
  }
}
