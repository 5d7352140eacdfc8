import { Option, type Command } from 'commander';
import { z } from 'zod';
import { EXIT, INPUT_FORMATS, ingestJudge, ingestLabels, ingestTraffic, parseFieldMap, parseScaleSpec, schemas, UsageError } from '@touchstone/core';
import type { CommandModule } from '../command-module.js';
import { defaultActor } from '../context.js';
import { parseOptions, numberArg } from '../parse-options.js';
import { renderIngestSummary } from '../render/ingest-summary.js';
import { printJson, runAction } from '../run-action.js';
import { withStore } from '../with-store.js';
import { resolveInputFile as resolveFile } from '../resolve-input-file.js';

const Common = z.object({
  format: z.enum(INPUT_FORMATS).optional(),
  map: z.string().optional(),
  actor: z.string().min(1).optional(),
  skipInvalid: z.boolean().optional(),
  quarantine: z.string().optional(),
  json: z.boolean().optional(),
});

const LabelsOptions = Common.extend({
  gold: z.string().min(1, 'is required: the gold set to add labels to'),
  scale: z.string().optional(),
  passThreshold: z.number().optional(),
  passCategories: z.string().optional(),
  labeledAt: z.string().optional(),
});
const TrafficOptions = Common;
const JudgeOptions = Common.extend({ judge: z.string().min(1, 'is required: the judge name and version'), gold: z.string().optional() });

const EXAMPLES = `
Formats: JSONL, CSV, TSV or Parquet (detected from the extension, --format overrides).
Fields: see ../shared/FORMATS.md or \`touchstone schema labels|traffic|judge\`.

By default a file with any invalid record is rejected whole and nothing is stored; the error names
file, line, field and reason. --skip-invalid imports the valid records and writes each rejected one
with its reason to a quarantine JSONL file. The summary always reconciles: read = accepted + rejected.

Examples:
  touchstone ingest labels gold.jsonl --gold support --scale ordinal:1-5 --pass-threshold 4
  touchstone ingest labels rte.tsv --gold rte \\
      --map item_id=orig_id,labeler_id=!amt_worker_ids,label=response --labeled-at 2008-01-01
  touchstone ingest traffic traffic.parquet
  touchstone ingest judge judge.jsonl --judge gpt-judge@v3 --gold support`;

function commonOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <format>', 'input format').choices([...INPUT_FORMATS]))
    .option('--map <field=column,...>', 'read fields from other column names (example: item_id=orig_id,label=response)')
    .option('--actor <name>', 'who ran this import (default: the OS user)')
    .option('--skip-invalid', 'import valid records; quarantine invalid ones instead of rejecting the file')
    .option('--quarantine <file>', 'where --skip-invalid writes rejected records (default FILE.rejected.jsonl)')
    .option('--json', 'print the batch summary as one JSON document');
}

export const ingestCommand: CommandModule = {
  register(program, { ctx, setExit }) {
    const ingest = program.command('ingest').description('import labels, production traffic or judge scores as one verified batch').addHelpText('after', EXAMPLES);

    commonOptions(ingest.command('labels <file>').description('import gold labels into a named gold set'))
      .requiredOption('--gold <name>', 'gold set name')
      .option('--scale <spec>', 'label scale for a new gold set: binary | ordinal:1-5 | interval:0-1 | nominal:a,b,c (inferred when absent)')
      .option('--pass-threshold <n>', 'lowest passing score on an ordinal/interval scale', numberArg('--pass-threshold'))
      .option('--pass-categories <list>', 'passing categories on a nominal scale (comma-separated)')
      .option('--labeled-at <iso>', 'timestamp for records without labeled_at (recorded as supplied in provenance)')
      .action(async (file: string, raw: unknown, cmd: Command) => {
        const opts = parseOptions(LabelsOptions, raw, 'ingest labels');
        setExit(await runAction(ctx, opts.json === true, async () => {
          const scale = opts.scale === undefined ? undefined : parseScaleSpec(opts.scale, opts.passThreshold, opts.passCategories?.split(','));
          if (opts.scale === undefined && (opts.passThreshold !== undefined || opts.passCategories !== undefined)) {
            throw new UsageError('BAD_OPTION', 'ingest labels: --pass-threshold and --pass-categories go with --scale');
          }
          const summary = await withStore(ctx, cmd, 'write', (store) =>
            ingestLabels(store, {
              ...base(file, opts, ctx, parseFieldMap(opts.map, Object.keys(schemas.LabelRecordSchema.shape))),
              goldSet: opts.gold,
              ...(scale === undefined ? {} : { scale }),
              ...(opts.labeledAt === undefined ? {} : { supplied: { labeled_at: opts.labeledAt } }),
            }),
          );
          if (opts.json === true) printJson(ctx, summary);
          else ctx.stdout(renderIngestSummary(summary));
          return EXIT.ok;
        }));
      });

    commonOptions(ingest.command('traffic <file>').description('import production traffic records (for shadow sets and drift)'))
      .action(async (file: string, raw: unknown, cmd: Command) => {
        const opts = parseOptions(TrafficOptions, raw, 'ingest traffic');
        setExit(await runAction(ctx, opts.json === true, async () => {
          const summary = await withStore(ctx, cmd, 'write', (store) =>
            ingestTraffic(store, base(file, opts, ctx, parseFieldMap(opts.map, Object.keys(schemas.TrafficRecordSchema.shape)))),
          );
          if (opts.json === true) printJson(ctx, summary);
          else ctx.stdout(renderIngestSummary(summary));
          return EXIT.ok;
        }));
      });

    commonOptions(ingest.command('judge <file>').description("import an LLM judge's scores on gold items"))
      .requiredOption('--judge <name>', 'judge name and version, for example gpt-judge@v3')
      .option('--gold <name>', 'the gold set the scored items belong to')
      .action(async (file: string, raw: unknown, cmd: Command) => {
        const opts = parseOptions(JudgeOptions, raw, 'ingest judge');
        setExit(await runAction(ctx, opts.json === true, async () => {
          const summary = await withStore(ctx, cmd, 'write', (store) =>
            ingestJudge(store, {
              ...base(file, opts, ctx, parseFieldMap(opts.map, Object.keys(schemas.JudgeScoreRecordSchema.shape))),
              judge: opts.judge,
              ...(opts.gold === undefined ? {} : { goldSet: opts.gold }),
            }),
          );
          if (opts.json === true) printJson(ctx, summary);
          else ctx.stdout(renderIngestSummary(summary));
          return EXIT.ok;
        }));
      });
  },
};

function base(file: string, opts: z.infer<typeof Common>, ctx: Parameters<typeof defaultActor>[0], map: Record<string, string>) {
  return {
    file: resolveFile(ctx.cwd, file),
    ...(opts.format === undefined ? {} : { format: opts.format }),
    map,
    actor: opts.actor ?? defaultActor(ctx),
    skipInvalid: opts.skipInvalid === true,
    ...(opts.quarantine === undefined ? {} : { quarantineFile: resolveFile(ctx.cwd, opts.quarantine) }),
  };
}
