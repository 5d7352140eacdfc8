import type { Command } from 'commander';
import { z } from 'zod';
import { withTrafficSource } from '../traffic-source.js';
import { buildShadowSet, EXIT, findShadowSet, listShadowSets, StoreError } from '@touchstone/core';
import type { CommandModule } from '../command-module.js';
import { defaultActor } from '../context.js';
import { numberArg, parseOptions } from '../parse-options.js';
import { withStoreProgress } from '../progress/with-store-progress.js';
import { renderShadowList, renderShadowSet } from '../render/shadow.js';
import { printJson, printText, runAction } from '../run-action.js';
import { withStore } from '../with-store.js';
import { addConfigFlag, loadCliConfig, ShadowSamplingFlags, shadowSampling } from './drift-options.js';

const BuildOptions = z.object({
  gold: z.string().min(1),
  ...ShadowSamplingFlags.shape,
  dedupeThreshold: z.number().gt(0).max(1).optional(),
  passThreshold: z.number().optional(),
  actor: z.string().optional(),
  config: z.string().optional(),
  json: z.boolean().optional(),
});

const BUILD_HELP = `
Samples production traffic in [now − window, now) into a versioned shadow set. Sampling runs in DuckDB:
each stratum (slice, or one metadata value) gets its share of --size (proportional; --neyman weighs
strata by the spread of their judge verdicts, pass or fail under the gold set's pass rule unless
--pass-threshold or drift.pass_threshold says otherwise), rows are taken in a seeded order of
md5(id, time, seed), near-duplicates within a stratum (same normalized text, or character 3-gram Jaccard ≥ 0.8 by MinHash)
are folded into the request they repeat, whose weight counts the window requests it stands for, and
emails, phone numbers, Luhn-valid card numbers and IP addresses are redacted BEFORE anything is stored
(rules configurable in touchstone.config.json "pii"; --no-redact turns it off and says so in provenance).
The same traffic, parameters and seed give the same set and content hash; an identical set is reused.

Examples:
  touchstone shadow build --gold support --window 7d
  touchstone shadow build --gold support --window 14d --now 2026-03-01T00:00:00Z --size 2000 --seed 42
  touchstone shadow build --gold support --window 7d --stratify-by metadata.model --neyman --json`;

export const shadowCommand: CommandModule = {
  register(program, { ctx, setExit }) {
    const shadow = program.command('shadow').description('shadow eval sets sampled from recent production traffic');
    addConfigFlag(
      shadow
        .command('build')
        .description('sample the traffic window into a versioned, PII-redacted shadow set with provenance')
        .requiredOption('--gold <name>', 'gold set the shadow set will be compared with')
        .option('--window <duration>', 'how far back from --now: 7d, 24h, 2w … (default 7d)')
        .option('--now <iso>', 'end of the window, ISO 8601 (default: the current time)')
        .option('--size <n>', 'requests to sample (default 500)', numberArg('--size'))
        .option('--stratify-by <field>', 'slice (default) or metadata.KEY')
        .option('--seed <seed>', 'sampling seed (default 0)')
        .option('--neyman', 'Neyman allocation across strata instead of proportional')
        .option('--no-redact', 'store texts without PII redaction (recorded in provenance)')
        .option('--dedupe-threshold <j>', 'character 3-gram Jaccard similarity of near-duplicates (default 0.8)', numberArg('--dedupe-threshold'))
        .option('--pass-threshold <score>', "a judge score at or above this passes, on the judge's scale, for Neyman strata variances (default: the gold set's pass rule, or drift.pass_threshold)", numberArg('--pass-threshold'))
        .option('--actor <name>', 'who built it (default: the OS user)')
        .option('--json', 'print the shadow set as one JSON document'),
    )
      .addHelpText('after', BUILD_HELP)
      .action(async (raw: unknown, cmd: Command) => {
        const opts = parseOptions(BuildOptions, raw, 'shadow build');
        setExit(await runAction(ctx, opts.json === true, async () => {
          const config = loadCliConfig(ctx, opts.config);
          const built = await withStoreProgress(ctx, cmd, 'write', (store) => withTrafficSource(config, (source) => buildShadowSet(store, {
            goldSet: opts.gold,
            ...shadowSampling(opts, config),
            ...(opts.passThreshold === undefined ? {} : { passThresholdFlag: opts.passThreshold }),
            ...(config.drift === undefined ? {} : { drift: config.drift }),
            actor: opts.actor ?? defaultActor(ctx),
            ...(source === undefined ? {} : { source }),
          })));
          if (opts.json === true) printJson(ctx, built);
          else printText(ctx, renderShadowSet(built));
          return EXIT.ok;
        }));
      });
    shadow
      .command('list')
      .description('list shadow sets with their windows')
      .option('--gold <name>', 'only this gold set')
      .option('--json', 'print one JSON document')
      .action(async (raw: unknown, cmd: Command) => {
        const opts = parseOptions(z.object({ gold: z.string().optional(), json: z.boolean().optional() }), raw, 'shadow list');
        setExit(await runAction(ctx, opts.json === true, async () => {
          const sets = await withStore(ctx, cmd, 'read', (store) => listShadowSets(store, opts.gold));
          if (opts.json === true) printJson(ctx, sets);
          else printText(ctx, renderShadowList(sets));
          return EXIT.ok;
        }));
      });
    shadow
      .command('show')
      .description("one shadow set's provenance: window, parameters, seed, source batches, redactions, content hash")
      .argument('<id>', 'shadow set id (sh-…)')
      .option('--json', 'print one JSON document')
      .action(async (id: string, raw: unknown, cmd: Command) => {
        const opts = parseOptions(z.object({ json: z.boolean().optional() }), raw, 'shadow show');
        setExit(await runAction(ctx, opts.json === true, async () => {
          const found = await withStore(ctx, cmd, 'read', (store) => findShadowSet(store, id));
          if (found === undefined) throw new StoreError('SHADOW_NOT_FOUND', `no shadow set "${id}" (touchstone shadow list)`);
          if (opts.json === true) printJson(ctx, found);
          else printText(ctx, renderShadowSet(found));
          return EXIT.ok;
        }));
      });
  },
};
