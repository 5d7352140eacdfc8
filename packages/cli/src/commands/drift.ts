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
  pass rate       one instrument on both sides: the judge's pass rate on gold items (its scores on gold,
                  ingested with touchstone ingest judge) vs on shadow traffic, overall and per slice.
                  The pass rule is the gold set's (e.g. ordinal 1–5, pass ≥ 4) unless drift.pass_threshold
                  or --pass-threshold sets one on the judge's scale; drift.judge_scale {min, max,
                  higher_is_better} maps gold's rule onto a judge that scores on another scale. Beside
                  it, human-scale estimates of the traffic rate (Rogan–Gladen, PPI++), stratified by
                  slice, each with its assumption, and the one recommended
  slice mix       gold items vs every request in the window: chi-square, PSI, JS distance; slices with
                  traffic but no gold item; gold slices with no traffic (stale gold)
  lengths         input/output characters, gold vs shadow: KS (scipy's ks_2samp p-value), Wasserstein, PSI
  metadata        per key (intent, model, prompt_version …): against gold's items when they carry the key
                  (label "metadata", or inherited from the request their "trace_id" names): share of
                  window traffic with values no gold item has; otherwise against the 3 windows before
                  (said in the message): values unseen there vs the usual turnover; top-k + "(other)" mix
  coverage gaps   requests with no close gold item (cosine of "embedding"s when every text has one, else
                  char 3–4-gram TF-IDF), weighted by the requests each shadow item stands for, clustered;
                  gaps listed by share of traffic whether or not coverage alerts
  stale content   the same turned around: gold items with no close shadow request (a sunset workflow,
                  a faded intent), clustered; needs no slice names shared by gold and traffic
Defaults (touchstone.config.json "drift.thresholds" or the flags below): q 0.05; PSI 0.1 (warn) / 0.25
(alert); JS distance 0.1; KS D 0.1; pass-rate difference 0.05; traffic in slices without gold items
0.02; metadata values never seen before (above the usual turnover) 0.05; traffic outside gold's
coverage 0.025; a stale gold slice's share of gold 0.02; gold unlike current traffic 0.05.
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
            ...(opts.passThreshold === undefined ? {} : { passThresholdFlag: opts.passThreshold }),
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
