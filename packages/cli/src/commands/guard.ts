import type { Command } from 'commander';
import { z } from 'zod';
import { EXIT, UsageError } from '@touchstone/core';
import { guardWithJudge } from '@touchstone/judge-calibration/store';
import type { CommandModule } from '../command-module.js';
import { intText, numberText, parseOptions } from '../parse-options.js';
import { withStoreProgress } from '../progress/with-store-progress.js';
import { renderGuard } from '../render/guard.js';
import { printJson, printText, runAction } from '../run-action.js';

/** Number flags stay text in commander and are checked here, so a bad value is a usage error (exit 2). */
const share = numberText.pipe(z.number().min(0, 'must be in [0, 1]').max(1, 'must be in [0, 1]'));
const bandsText = z
  .string()
  .transform((v) => (v.trim() === 'all' ? ('all' as const) : v.split(',').map((b) => b.trim())))
  .refine((b) => b === 'all' || b.every((x) => x !== ''), 'expects comma-separated band labels (e.g. 4,5) or "all"');

const Options = z.object({
  gold: z.string().min(1),
  judge: z.string().min(1).optional(),
  requireTrusted: bandsText.optional(),
  /** The former name of --require-trusted (judge calibrate's name for the same list), kept as an alias. */
  requireBands: bandsText.optional(),
  maxFlippedShare: share.optional(),
  maxPassRateShift: share.optional(),
  expectHead: z.string().min(1).optional(),
  alpha: numberText.pipe(z.number().gt(0, 'must be in (0, 1)').lt(1, 'must be in (0, 1)')).optional(),
  permutations: intText.pipe(z.number().min(0, 'must be ≥ 0').max(1_000_000, 'must be ≤ 1000000')).optional(),
  seed: intText.optional(),
  target: numberText.pipe(z.number().gt(0, 'must be in (0, 1)').lt(1, 'must be in (0, 1)')).optional(),
  json: z.boolean().optional(),
});

const HELP = `
One check for an eval pipeline before it trusts a gold set (and a judge) to gate a release. It fails when:
  integrity       the gold set was changed outside Touchstone (touchstone verify finds an edited,
                  deleted or inserted row, or a broken batch chain), or the head hash is not --expect-head
  labeler_impact  a labeler flagged by touchstone skew (leniency, severity, drift or fatigue) moves
                  the gold: had they labeled without their estimated bias (skew's bias impact), at
                  least --max-flipped-share of the gold items would change consensus outcome, or the
                  gold pass rate would move by at least --max-pass-rate-shift
  judge_bands     with --judge: the judge is untrusted in a band of its own score (touchstone judge
                  calibrate); with --require-trusted, each named band must be trusted (an insufficient
                  band fails too). --require-bands is an alias of --require-trusted.
Each failure says which labeler, band or row, and why.

Exit codes: 0 the guard passes; 1 it fails; 2 bad options (or a band the judge does not have);
3 a missing store, gold set or judge.

Examples:
  touchstone guard --gold support
  touchstone guard --gold support --judge gpt-judge@v3 --require-trusted 4,5
  touchstone guard --gold support --expect-head "$PINNED_HEAD" --max-flipped-share 0.02 --json | jq '.failures'`;

export const guardCommand: CommandModule = {
  register(program, { ctx, setExit }) {
    program
      .command('guard')
      .description('fail an eval run when its gold set is tampered with, carried by a flagged labeler, or judged by an untrusted judge (exit 1)')
      .requiredOption('--gold <name>', 'gold set the eval run scores against')
      .option('--judge <name>', 'the judge the pipeline relies on, as given to `ingest judge --judge`')
      .option('--require-trusted <bands>', 'judge-score bands that must be trusted: comma-separated band labels, or "all" (as judge calibrate --require-trusted)')
      .option('--require-bands <bands>', 'alias of --require-trusted')
      .option('--max-flipped-share <x>', 'a flagged labeler fails when removing their bias would flip at least this share of gold items', '0.01')
      .option('--max-pass-rate-shift <x>', 'a flagged labeler fails when removing their bias would move the gold pass rate this much (0.01 = 1 point)', '0.01')
      .option('--expect-head <hash>', 'also require the newest batch hash to equal this pinned value')
      .option('--alpha <q>', 'skew: false discovery rate over all labeler tests', '0.05')
      .option('--permutations <n>', 'skew: Monte-Carlo permutations per leniency test', '1000')
      .option('--seed <n>', 'random seed of skew and the calibration bootstrap', '1')
      .option('--target <a>', 'judge: agreement a band must reach to be trusted (default 0.8)')
      .option('--json', 'print one JSON document')
      .addHelpText('after', HELP)
      .action(async (raw: unknown, cmd: Command) => {
        setExit(await runAction(ctx, (raw as { json?: unknown }).json === true, async () => {
          const o = parseOptions(Options, raw, 'guard');
          if (o.requireTrusted !== undefined && o.requireBands !== undefined) throw new UsageError('BAD_OPTION', 'guard: --require-bands is an alias of --require-trusted; pass one');
          const requiredBands = o.requireTrusted ?? o.requireBands;
          const result = await withStoreProgress(ctx, cmd, 'read', (store) => guardWithJudge(store, {
            goldSet: o.gold,
            ...(o.judge === undefined ? {} : { judge: o.judge }),
            ...(requiredBands === undefined ? {} : { requiredBands }),
            maxImpact: { ...(o.maxFlippedShare === undefined ? {} : { flippedShare: o.maxFlippedShare }), ...(o.maxPassRateShift === undefined ? {} : { passRateShift: o.maxPassRateShift }) },
            ...(o.expectHead === undefined ? {} : { expectHead: o.expectHead }),
            skew: { ...(o.alpha === undefined ? {} : { alpha: o.alpha }), ...(o.permutations === undefined ? {} : { permutations: o.permutations }), ...(o.seed === undefined ? {} : { seed: o.seed }) },
            calibrate: { ...(o.target === undefined ? {} : { target: o.target }), ...(o.seed === undefined ? {} : { seed: o.seed }) },
          }));
          if (o.json === true) printJson(ctx, result);
          else printText(ctx, renderGuard(result));
          return result.ok ? EXIT.ok : EXIT.finding;
        }));
      });
  },
};
