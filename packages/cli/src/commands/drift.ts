import type { Command } from 'commander';
import { z } from 'zod';
import { driftReport, EXIT } from '@touchstone/core';
import { withTrafficSource } from '../traffic-source.js';
import type { CommandModule } from '../command-module.js';
import { parseOptions } from '../parse-options.js';
import { withStoreProgress } from '../progress/with-store-progress.js';
import { renderDrift } from '../render/drift.js';
import { printJson, printText, runAction } from '../run-action.js';
import { passRateCorrector } from './drift-corrector.js';
import { addConfigFlag, addThresholdFlags, driftConfigFrom, loadCliConfig, ThresholdFlags } from './drift-options.js';

const Options = ThresholdFlags.extend({ gold: z.string().min(1), shadow: z.string().optional(), json: z.boolean().optional() });

const HELP = `
Compares a shadow set with its gold set and alerts only when a test's Benjamini–Hochberg q-value is
below --q AND its effect reaches its threshold (so a tiny difference on a huge sample never alerts):
  pass rate       gold (human consensus) vs shadow (judge score ≥ --pass-threshold), overall and per slice;
                  the judge-error-corrected shadow rate when gold items carry that judge's scores
  slice mix       gold items vs every request in the window: chi-square, PSI, JS distance; slices with
                  traffic but no gold item; gold slices with no traffic (stale gold)
  lengths         input/output characters, gold vs shadow: KS (scipy's ks_2samp p-value), Wasserstein, PSI
  metadata        per key (model, prompt_version …): gold items carry no metadata, so the traffic of the
                  3 windows before stands in for what gold saw: share of window traffic with values
                  unseen there, against the usual turnover of one window; top-k + "(other)" mix
  coverage gaps   shadow requests with no close gold item (char 3–4-gram TF-IDF cosine), clustered
  stale content   the same turned around: gold items with no close shadow request (a sunset workflow,
                  a faded intent), clustered; needs no slice names shared by gold and traffic
Defaults (touchstone.config.json "drift.thresholds" or the flags below): q 0.05; PSI 0.1 (warn) / 0.25
(alert); JS distance 0.1; KS D 0.1; pass-rate difference 0.05; traffic in slices without gold items
0.02; metadata values never seen before (above the usual turnover) 0.05; traffic outside gold's
coverage 0.05; a stale gold slice's share of gold 0.02; gold unlike current traffic 0.05.
Exit 0 when nothing alerts, 1 on an alert.

Examples:
  touchstone drift --gold support
  touchstone drift --gold support --shadow sh-3f2a9c0d11aa --json | jq '.alerts'
  touchstone drift --gold support --psi-alert 0.3 --pass-threshold 0.7`;

export const driftCommand: CommandModule = {
  register(program, { ctx, setExit }) {
    addThresholdFlags(addConfigFlag(
      program
        .command('drift')
        .description("a shadow set's disagreement with its gold set: pass rate, input drift, metadata, coverage gaps, stale gold")
        .requiredOption('--gold <name>', 'gold set name')
        .option('--shadow <id>', "shadow set id (default: the gold set's newest)")
        .option('--json', 'print one JSON document'),
    ))
      .addHelpText('after', HELP)
      .action(async (raw: unknown, cmd: Command) => {
        const opts = parseOptions(Options, raw, 'drift');
        setExit(await runAction(ctx, opts.json === true, async () => {
          const file = loadCliConfig(ctx, opts.config);
          const config = driftConfigFrom(file, opts);
          const report = await withStoreProgress(ctx, cmd, 'read', (store) => withTrafficSource(file, (source) => driftReport(store, {
            goldSet: opts.gold,
            ...(opts.shadow === undefined ? {} : { shadowId: opts.shadow }),
            config,
            corrector: passRateCorrector,
            ...(source === undefined ? {} : { source }),
          })));
          if (opts.json === true) printJson(ctx, report);
          else printText(ctx, renderDrift(report));
          return report.status === 'alert' ? EXIT.finding : EXIT.ok;
        }));
      });
  },
};
