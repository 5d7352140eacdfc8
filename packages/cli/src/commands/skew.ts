import type { Command } from 'commander';
import { z } from 'zod';
import { EXIT, skew } from '@touchstone/core';
import type { CommandModule } from '../command-module.js';
import { intText, numberText, parseOptions } from '../parse-options.js';
import { withStoreProgress } from '../progress/with-store-progress.js';
import { renderSkew } from '../render/skew.js';
import { printJson, printText, runAction } from '../run-action.js';

/** Number flags stay text in commander and are checked here, so a bad value is a usage error (exit 2). */

const Options = z.object({
  gold: z.string().min(1),
  alpha: numberText.pipe(z.number().gt(0, 'must be in (0, 1)').lt(1, 'must be in (0, 1)')).optional(),
  permutations: intText.pipe(z.number().min(0, 'must be ≥ 0').max(1_000_000, 'must be ≤ 1000000')).optional(),
  seed: intText.optional(),
  bootstrap: intText.pipe(z.number().min(0, 'must be ≥ 0').max(100_000, 'must be ≤ 100000')).optional(),
  minLabels: intText.pipe(z.number().min(2, 'must be ≥ 2')).optional(),
  minEffect: numberText.pipe(z.number().min(0, 'must be ≥ 0')).optional(),
  json: z.boolean().optional(),
});

const HELP = `
What it computes:
  agreement   Krippendorff's alpha at the gold set's scale (missing labels allowed), Fleiss' kappa when
              every item has the same number of labels, Gwet's AC1/AC2, pairwise Cohen's kappa; bootstrap
              intervals over items; overall and per slice
  consensus   majority/median and Dawid-Skene (each labeler's estimated confusion matrix in --json)
  leniency    each labeler and labeler x slice against peers on the same items (leave-one-out mean of
              co-labelers); when most items have one label, against other labelers on the same slice
              (adjusted for a judge's scores when a judge scored the items). Permutation test that
              shuffles labels among the labelers of each item; Benjamini-Hochberg over every test
  time        drift across calendar time and guideline versions; fatigue within a session
  guideline   per slice, labels under each older guideline version against the latest (on the same
              items where possible, else each labeler's own labels under both); a shift is flagged
              (guideline_shift), lists the items only ever labeled under the older version, and is
              subtracted from those labels before labelers are compared
  impact      bias impact, see below

Bias impact: how would the gold set differ had this labeler labeled like their peers? Their labels
are redrawn with their estimated bias removed (on a slice with its own flag, that slice's bias), the
other labels and the number of labels per item unchanged, and the consensus recomputed. "4.1 flips,
pass rate -0.2 pts" means about 4 items would change pass/fail and the gold pass rate would drop 0.2
points. "unbiased <= 1.2" is the yardstick: 95% of unbiased labelers with the same volume and design
move at most that many (their estimated bias is noise), so 4.1 is real and 1.0 is not; "3.4x that"
is the ratio, and flags are ranked by it (times_reference in --json), so a small labeler with a strong
bias is not buried under prolific labelers with slight ones. A labeler who labels a lot but without
bias has an impact near 0. leave_one_out in --json is a different figure:
what dropping their labels changes, i.e. how much the gold leans on them, not how biased they are.

p-values: with at least 30 compared labels, the normal approximation to the permutation distribution
from its exact mean and variance, or from the labeler's own residual variance when that is larger (a
labeler noisier than their peers is not flagged for noise) (1,000 permutations alone give p >= 1/1001, too coarse for
Benjamini-Hochberg over hundreds of tests); below 30, the Monte-Carlo permutation p-value, refined with
100x the permutations when fewer than 5 reach the observed statistic. The most
significant skewed labeler is peeled off everyone else's peers, one at a time, so a lenient labeler
does not make their co-labelers look severe.

Every flag says which comparison it rests on and its caveat, and is ranked by bias impact relative to
the unbiased yardstick. Exit 0 when
nothing is flagged, 1 when anything is (a finding), 2 on bad options, 3 on a missing store or gold set.

Examples:
  touchstone skew --gold support
  touchstone skew --gold support --json | jq '.flags[0]'
  touchstone skew --gold rte --alpha 0.01 --permutations 5000 --seed 7
Then re-score without a flagged labeler, or without the items of an old guideline on a slice:
  touchstone gold snapshot support --tag without-L07 --exclude-labeler L07
  touchstone gold snapshot support --tag without-v1-only-tone --exclude-guideline v1 --slice tone`;

export const skewCommand: CommandModule = {
  register(program, { ctx, setExit }) {
    program
      .command('skew')
      .description('labeler skew: agreement, leniency per labeler and slice, drift, fatigue, and each labeler\'s impact on gold (exit 1 when flagged)')
      .requiredOption('--gold <name>', 'gold set name')
      .option('--alpha <q>', 'false discovery rate over all tests (Benjamini-Hochberg)', '0.05')
      .option('--permutations <n>', 'Monte-Carlo permutations per leniency test', '1000')
      .option('--seed <n>', 'random seed (permutations, bootstrap)', '1')
      .option('--bootstrap <n>', 'bootstrap resamples of items for agreement intervals (0: none)', '200')
      .option('--min-labels <n>', 'fewest compared labels for a labeler or labeler x slice test', '10')
      .option('--min-effect <x>', 'smallest |effect| in label units that can be flagged', '0')
      .option('--json', 'print one JSON document')
      .addHelpText('after', HELP)
      .action(async (raw: unknown, cmd: Command) => {
        const json = (raw as { json?: unknown }).json === true;
        setExit(await runAction(ctx, json, async () => {
          const opts = parseOptions(Options, raw, 'skew');
          const report = await withStoreProgress(ctx, cmd, 'read', (store) => skew(store, {
            goldSet: opts.gold,
            ...(opts.alpha === undefined ? {} : { alpha: opts.alpha }),
            ...(opts.permutations === undefined ? {} : { permutations: opts.permutations }),
            ...(opts.seed === undefined ? {} : { seed: opts.seed }),
            ...(opts.bootstrap === undefined ? {} : { bootstrap: opts.bootstrap }),
            ...(opts.minLabels === undefined ? {} : { minLabels: opts.minLabels }),
            ...(opts.minEffect === undefined ? {} : { minEffect: opts.minEffect }),
          }));
          if (opts.json === true) printJson(ctx, report);
          else printText(ctx, renderSkew(report));
          return report.flags.length > 0 ? EXIT.finding : EXIT.ok;
        }));
      });
  },
};
