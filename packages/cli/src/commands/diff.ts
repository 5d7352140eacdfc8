import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { EXIT, evalDiff, INPUT_FORMATS, loadConfig, openRun, sliceTolerances, Store, UsageError } from '@touchstone/core';
import type { CommandModule } from '../command-module.js';
import { resolveDbPath, type CliContext } from '../context.js';
import { GlobalOptionsSchema } from '../global-options.js';
import { numberText, parseOptions } from '../parse-options.js';
import { renderDiff } from '../render/diff.js';
import { renderDiffMarkdown } from '../render/diff-markdown.js';
import { printJson, printText, runAction } from '../run-action.js';

/** Number flags stay text in commander and are checked here, so a bad value is a usage error (exit 2). */

const Options = z.object({
  by: z.enum(['slice', 'none']).optional(),
  tolerance: numberText.pipe(z.number().min(0, 'must be ≥ 0 (points of pass rate, or score units)')).optional(),
  alpha: numberText.pipe(z.number().gt(0, 'must be in (0, 0.5]').lte(0.5, 'must be in (0, 0.5]')).optional(),
  json: z.boolean().optional(),
  markdown: z.string().min(1).optional(),
  allowGoldChange: z.boolean().optional(),
  gold: z.string().min(1).optional(),
  config: z.string().min(1).optional(),
  format: z.enum(INPUT_FORMATS).optional(),
});
type DiffOpts = z.output<typeof Options>;

const HELP = `
BASELINE and CANDIDATE are eval run files (JSONL, CSV, TSV or Parquet: item_id, optional slice, pass
or score, optional gold_snapshot) or names of runs kept with \`touchstone run record\`.

Items are paired by item_id. Pass/fail: one-sided exact McNemar test (Tango's score test when a
tolerance is set); scores: Wilcoxon signed-rank. Overall and per slice, Benjamini–Hochberg across
them. A slice regresses when its delta is significantly below −tolerance (default 0 points). Each
row shows n, baseline, candidate, the delta with a confidence interval, the q-value and the minimum
detectable effect (MDE) — a slice too small to see a 10-point drop says so.

Tolerance per slice: touchstone.config.json (or --config FILE)
  { "diff": { "tolerance": 1, "slices": { "billing": { "tolerance": 0 }, "chitchat": { "tolerance": 5 } } } }

Runs scored against different gold snapshots are refused (exit 2) unless --allow-gold-change: a score
change caused by relabeled gold is not a model change; then the gold diff is shown beside the score diff.

Exit codes: 0 no regression, 1 a regression, 2 usage or configuration, 3 bad run file or store.

Examples:
  touchstone diff main@3f2a1c evals/pr-1234.jsonl --markdown diff.md
  touchstone diff base.csv cand.csv --tolerance 1 --json | jq '.slices[] | select(.verdict == "regression")'
  touchstone diff main@v6 pr@v7 --allow-gold-change --gold support`;

export const diffCommand: CommandModule = {
  register(program, { ctx, setExit }) {
    program
      .command('diff <baseline> <candidate>')
      .description('paired per-slice eval diff against a baseline: a release gate that exits 1 on a regression')
      .addOption(new Option('--by <grouping>', 'compare per slice, or overall only').choices(['slice', 'none']).default('slice'))
      .option('--tolerance <pts>', 'drop tolerated before a regression: points of pass rate, or score units (default 0, or the config)')
      .option('--alpha <q>', 'false discovery rate level for the Benjamini–Hochberg q-values (default 0.05)')
      .option('--markdown <file>', 'also write a Markdown table for a pull-request comment ("-" for stdout)')
      .option('--allow-gold-change', 'compare runs scored against different gold snapshots, showing the gold diff')
      .option('--gold <name>', 'gold set of the snapshots, for the gold diff (default: from recorded runs)')
      .option('--config <file>', 'config file with the diff section (default touchstone.config.json if present)')
      .addOption(new Option('--format <format>', 'format of run files (default: from the extension)').choices([...INPUT_FORMATS]))
      .option('--json', 'print one JSON document')
      .addHelpText('after', HELP)
      .action(async (baseline: string, candidate: string, raw: unknown, cmd: Command) => {
        setExit(await runAction(ctx, (raw as { json?: unknown }).json === true, async () => {
          const opts = parseOptions(Options, raw, 'diff');
          if (opts.json === true && opts.markdown === '-') throw new UsageError('BAD_OPTION', 'touchstone diff: --json and --markdown - both want stdout; write the Markdown to a file');
          const config = loadConfig(ctx.cwd, opts.config).config.diff;
          const report = await withDiffStore(ctx, cmd, async (store, storePath) => {
            const common = { cwd: ctx.cwd, connection: store.connection, storePath, ...(opts.format === undefined ? {} : { format: opts.format }), ...(store.path === ':memory:' ? {} : { store }) };
            const base = await openRun(baseline, { ...common, role: 'baseline' });
            const cand = await openRun(candidate, { ...common, role: 'candidate' });
            return evalDiff(store.path === ':memory:' ? undefined : store, base, cand, {
              by: opts.by ?? 'slice',
              tolerance: opts.tolerance ?? config?.tolerance ?? 0,
              sliceTolerances: sliceTolerances(config),
              ...(opts.alpha === undefined ? {} : { alpha: opts.alpha }),
              ...(opts.allowGoldChange === true ? { allowGoldChange: true } : {}),
              ...(opts.gold === undefined ? {} : { goldSet: opts.gold }),
            });
          });
          writeMarkdown(ctx, opts, () => renderDiffMarkdown(report));
          if (opts.json === true) printJson(ctx, report);
          else if (opts.markdown !== '-') printText(ctx, renderDiff(report));
          return report.regressions.length > 0 ? EXIT.finding : EXIT.ok;
        }));
      });
  },
};

/**
 * The store holding recorded runs, read-only, when it exists; otherwise an in-memory DuckDB, enough to
 * read CSV and Parquet run files. Always closed.
 */
async function withDiffStore<T>(ctx: CliContext, cmd: Command, work: (store: Store, storePath: string) => Promise<T>): Promise<T> {
  const globals = GlobalOptionsSchema.parse(cmd.optsWithGlobals());
  const path = resolveDbPath(ctx, globals.db);
  const store = existsSync(path) ? await Store.open(path, { readOnly: true, ...(globals.wait === true ? { waitMs: 600_000 } : {}) }) : await Store.open(':memory:');
  try {
    return await work(store, path);
  } finally {
    store.close();
  }
}

/** Writes the Markdown next to the report: to stdout for "-", else atomically to the file. */
function writeMarkdown(ctx: CliContext, opts: DiffOpts, render: () => string): void {
  if (opts.markdown === undefined) return;
  const markdown = render();
  if (opts.markdown === '-') {
    printText(ctx, markdown);
    return;
  }
  const file = resolve(ctx.cwd, opts.markdown);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.partial`, markdown);
  renameSync(`${file}.partial`, file);
}
