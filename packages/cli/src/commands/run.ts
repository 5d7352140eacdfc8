import { Option, type Command } from 'commander';
import { z } from 'zod';
import { EXIT, INPUT_FORMATS, listRuns, recordRunFile } from '@touchstone/core';
import type { CommandModule } from '../command-module.js';
import { defaultActor } from '../context.js';
import { parseOptions } from '../parse-options.js';
import { withStoreProgress } from '../progress/with-store-progress.js';
import { renderRunList, renderRunRecorded } from '../render/diff-run-list.js';
import { resolveInputFile } from '../resolve-input-file.js';
import { printJson, printText, runAction } from '../run-action.js';
import { withStore } from '../with-store.js';

const RecordOptions = z.object({
  name: z.string().min(1, 'is required: the name the run is kept under'),
  goldSnapshot: z.string().min(1).optional(),
  gold: z.string().min(1).optional(),
  format: z.enum(INPUT_FORMATS).optional(),
  actor: z.string().min(1).optional(),
  json: z.boolean().optional(),
});
const ListOptions = z.object({ json: z.boolean().optional() });

const HELP = `
An eval run is one record per gold item: item_id, optional slice, pass (boolean) or score (number),
and optionally gold_snapshot (the snapshot tag it was scored against). Recorded runs keep a history
that \`touchstone diff\` can compare by name.

Examples:
  touchstone run record evals/main.jsonl --name main@3f2a1c --gold support --gold-snapshot v7
  touchstone run list
  touchstone diff main@3f2a1c evals/pr-1234.jsonl --markdown diff.md`;

export const runCommand: CommandModule = {
  register(program, { ctx, setExit }) {
    const run = program.command('run').description('eval runs: record one under a name (a history for touchstone diff), list them').addHelpText('after', HELP);

    run.command('record <file>').description('validate an eval run file (JSONL, CSV, Parquet) and keep it under a name')
      .requiredOption('--name <name>', 'immutable run name, for example main@3f2a1c or pr-1234')
      .option('--gold-snapshot <tag>', 'the gold snapshot the run was scored against (else taken from the records)')
      .option('--gold <name>', 'the gold set of that snapshot; both are checked to exist')
      .addOption(new Option('--format <format>', 'input format (default: from the extension)').choices([...INPUT_FORMATS]))
      .option('--actor <name>', 'who recorded it (default: the OS user)')
      .option('--json', 'print one JSON document')
      .action(async (file: string, raw: unknown, cmd: Command) => {
        setExit(await runAction(ctx, (raw as { json?: unknown }).json === true, async () => {
          const opts = parseOptions(RecordOptions, raw, 'run record');
          const path = resolveInputFile(ctx.cwd, file);
          const summary = await withStoreProgress(ctx, cmd, 'write', (store) => recordRunFile(store, {
            file: path,
            name: opts.name,
            actor: opts.actor ?? defaultActor(ctx),
            ...(opts.format === undefined ? {} : { format: opts.format }),
            ...(opts.gold === undefined ? {} : { goldSet: opts.gold }),
            ...(opts.goldSnapshot === undefined ? {} : { goldSnapshot: opts.goldSnapshot }),
          }));
          if (opts.json === true) printJson(ctx, summary);
          else printText(ctx, renderRunRecorded(summary));
          return EXIT.ok;
        }));
      });

    run.command('list').description('list recorded runs, oldest first').option('--json', 'print one JSON document')
      .action(async (raw: unknown, cmd: Command) => {
        setExit(await runAction(ctx, (raw as { json?: unknown }).json === true, async () => {
          const opts = parseOptions(ListOptions, raw, 'run list');
          const runs = await withStore(ctx, cmd, 'read', (store) => listRuns(store));
          if (opts.json === true) printJson(ctx, { runs });
          else printText(ctx, renderRunList(runs));
          return EXIT.ok;
        }));
      });
  },
};
