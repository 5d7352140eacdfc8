import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { withTrafficSource } from '../traffic-source.js';
import { DataError, EXIT, postWebhook, runDriftCheck, Store, StoreError, UsageError, type schemas } from '@touchstone/core';
import type { CommandEnv, CommandModule } from '../command-module.js';
import { defaultActor, resolveDbPath } from '../context.js';
import { numberArg, parseOptions } from '../parse-options.js';
import { withProgress } from '../progress/create-progress.js';
import { renderDrift } from '../render/drift.js';
import { renderDriftMarkdown } from '../render/drift-markdown.js';
import { slackBody } from '../render/drift-slack.js';
import { printJson, printText, runAction } from '../run-action.js';
import { windowEnd } from '../window-end.js';
import { passRateCorrector } from './drift-corrector.js';
import { addConfigFlag, addThresholdFlags, driftConfigFrom, loadCliConfig, ShadowSamplingFlags, shadowSampling, ThresholdFlags } from './drift-options.js';

const Options = ThresholdFlags.extend({
  gold: z.string().min(1).optional(),
  ...ShadowSamplingFlags.shape,
  markdown: z.string().min(1).optional(),
  webhook: z.url().optional(),
  webhookTimeout: z.number().int().positive().optional(),
  json: z.boolean().optional(),
  db: z.string().optional(),
  wait: z.boolean().optional(),
});

export const DRIFT_CHECK_HELP = `
The cron job: builds a fresh shadow set for the latest window (ending --now, default the current
time), runs the drift report (see touchstone drift --help), appends the run to the store's history
and exits 0 when fine, 1 on an alert, 2 on a configuration error, 3 on a data or store error — for
instance when another run holds the store (or pass --wait to queue behind it).
Settings come from touchstone.config.json (--config; sections shadow, drift, drift_check, pii);
flags override them. It never loads the interactive UI and starts fast.

--markdown FILE writes a summary fit for a chat message or a PR comment. --webhook URL posts a
Slack-compatible JSON body (timeout, one retry); a failed post prints a warning on stderr and changes
nothing else: the run is already stored and printed.

Examples:
  drift-check --gold support --window 7d
  drift-check --config touchstone.config.json --json > drift.json
  drift-check --gold support --markdown drift.md --webhook https://hooks.slack.com/services/…
  0 6 * * *  cd /srv/evals && drift-check --config touchstone.config.json --wait`;

/** Adds drift-check's options and action to a command (`touchstone drift-check`, or the `drift-check` binary's root). */
export function configureDriftCheck(cmd: Command, { ctx, setExit }: CommandEnv, standalone: boolean): Command {
  cmd
    .description('cron: fresh shadow set for the latest window, drift report, run history; exit 1 on an alert')
    .option('--gold <name>', 'gold set (or drift_check.gold in the config)')
    .option('--window <duration>', 'window length, e.g. 7d (or shadow.window; default 7d)')
    .option('--now <iso>', 'end of the window (default: the current time; on historical data the error names the --now to pass)')
    .option('--size <n>', 'shadow set size (or shadow.size; default 500)', numberArg('--size'))
    .option('--stratify-by <field>', 'slice (default) or metadata.KEY')
    .option('--seed <seed>', 'sampling seed (or shadow.seed; default 0)')
    .option('--neyman', 'Neyman allocation across strata')
    .option('--no-redact', 'store shadow texts without PII redaction')
    .option('--markdown <file>', 'also write a Markdown summary to this file')
    .option('--webhook <url>', 'POST a Slack-compatible JSON summary here')
    .option('--webhook-timeout <ms>', 'per-attempt webhook timeout (default 5000)', numberArg('--webhook-timeout'))
    .option('--json', 'print one JSON document');
  if (standalone) {
    cmd.option('--db <path>', 'store file (default .touchstone/touchstone.duckdb, or $TOUCHSTONE_DB, or the config\'s db)')
      .option('--wait', 'wait for a store held by another run instead of exiting 3');
  }
  addThresholdFlags(addConfigFlag(cmd)).addHelpText('after', DRIFT_CHECK_HELP);
  cmd.action(async (raw: unknown, command: Command) => {
    const flags = parseOptions(Options, { ...command.optsWithGlobals(), ...(raw as object) }, 'drift-check');
    setExit(await runAction(ctx, flags.json === true, async () => {
      const config = loadCliConfig(ctx, flags.config);
      const gold = flags.gold ?? config.drift_check?.gold;
      if (gold === undefined) throw new UsageError('NO_GOLD', 'drift-check: name the gold set with --gold NAME or drift_check.gold in touchstone.config.json');
      const drift = driftConfigFrom(config, flags);
      const dbPath = resolveDbPath(ctx, flags.db ?? config.db);
      // A cron job must not create an empty store from a mistyped path.
      if (!existsSync(dbPath)) throw new StoreError('STORE_NOT_FOUND', `no Touchstone store at ${dbPath}: ingest gold labels and traffic first, or pass --db / set "db" in the config`);
      const store = await Store.open(dbPath, flags.wait === true ? { waitMs: 600_000 } : {});
      const sampling = shadowSampling(flags, config);
      let result: schemas.DriftCheckResult;
      try {
        // A configured traffic source holds the traffic, not the store: buildShadowSet says when its window is empty.
        if (flags.now === undefined && config.traffic_source === undefined) await refuseStaleWindow(store, sampling.window, sampling.now);
        result = await withProgress(ctx, 'drift-check', flags.json === true, () => withTrafficSource(config, (source) => runDriftCheck(store, {
          goldSet: gold,
          ...sampling,
          ...(flags.passThreshold === undefined ? {} : { passThresholdFlag: flags.passThreshold }),
          actor: defaultActor(ctx),
          drift,
          corrector: passRateCorrector,
          ...(source === undefined ? {} : { source }),
        })));
      } finally {
        store.close();
      }
      if (flags.json === true) printJson(ctx, result);
      else printText(ctx, renderDrift(result));
      const markdown = flags.markdown ?? config.drift_check?.markdown;
      if (markdown !== undefined) {
        try {
          writeFileSync(resolve(ctx.cwd, markdown), renderDriftMarkdown(result));
        } catch (error) {
          ctx.stderr(`drift-check: warning: could not write ${markdown}: ${error instanceof Error ? error.message : String(error)} (run #${result.run_id} is stored)\n`);
        }
      }
      const webhook = flags.webhook ?? config.drift_check?.webhook?.url;
      if (webhook !== undefined) {
        const posted = await postWebhook(webhook, slackBody(result), flags.webhookTimeout ?? config.drift_check?.webhook?.timeout_ms ?? 5000);
        if (!posted.ok) ctx.stderr(`drift-check: warning: webhook ${webhook} failed after ${posted.attempts} attempts (${posted.error ?? 'unknown error'}); run #${result.run_id} is stored and printed\n`);
      }
      return result.status === 'alert' ? EXIT.finding : EXIT.ok;
    }));
  });
  return cmd;
}

/**
 * Without --now the window ends at the current time, so a cron run fails (exit 3) when traffic stops
 * arriving rather than re-checking old traffic; on historical data the message gives the --now that
 * checks the data's last window.
 */
async function refuseStaleWindow(store: Store, window: string, now: string): Promise<void> {
  const end = await windowEnd(store, window, new Date(now));
  if (end.lastRequest === null) return;
  throw new DataError('SHADOW_EMPTY_WINDOW', `no traffic in the ${window} before the current time (${now}); the last request was at ${end.lastRequest}. To check the ${window} that ends with the data, pass --now ${end.now}`);
}

export const driftCheckCommand: CommandModule = {
  register(program, env) {
    configureDriftCheck(program.command('drift-check'), env, false);
  },
};
