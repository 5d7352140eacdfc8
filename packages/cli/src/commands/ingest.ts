import { Option, type Command } from 'commander';
import { z } from 'zod';
import { resolve } from 'node:path';
import { createRedactor, EXIT, ingestJudge, ingestLabels, ingestTraffic, isImporterName, parseFieldMap, parseScaleSpec, readLabelerMap, schemas, UsageError } from '@touchstone/core';
import type { CommandModule } from '../command-module.js';
import { defaultActor } from '../context.js';
import { parseOptions, numberArg } from '../parse-options.js';
import { renderIngestSummary } from '../render/ingest-summary.js';
import { printJson, printText, runAction } from '../run-action.js';
import { withIngestProgress } from '../progress/with-ingest-progress.js';
import { resolveInputFile as resolveFile } from '../resolve-input-file.js';
import { loadCliConfig } from './drift-options.js';
import { IMPORT_HELP, INGEST_FORMATS, renderNotes, toolImport, withNotes } from './ingest-import.js';

const Common = z.object({
  format: z.enum(INGEST_FORMATS).optional(),
  question: z.string().min(1).optional(),
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
  labeler: z.string().min(1, 'needs a labeler id').optional(),
  labelerMap: z.string().min(1, 'needs a file').optional(),
});
const TrafficOptions = Common.extend({ redactOnIngest: z.boolean().optional(), config: z.string().optional() });
const JudgeOptions = Common.extend({ judge: z.string().min(1, 'needs a name: the judge name and version').optional(), gold: z.string().optional() });

const EXAMPLES = `
Formats: JSONL, CSV, TSV or Parquet (detected from the extension, --format overrides).
Fields: see ../shared/FORMATS.md or \`touchstone schema labels|traffic|judge\`.

By default a file with any invalid record is rejected whole and nothing is stored; the error names
file, line, field and reason. --skip-invalid imports the valid records and writes each rejected one
with its reason to a quarantine JSONL file (--quarantine PATH: created, with its directory). The summary
always reconciles: read = accepted + rejected + skipped, and the batch stores all four.

Examples:
  touchstone ingest labels gold.jsonl --gold support --scale ordinal:1-5 --pass-threshold 4
  touchstone ingest labels rte.tsv --gold rte \\
      --map item_id=orig_id,labeler_id=!amt_worker_ids,label=response --labeled-at 2008-01-01
  touchstone ingest traffic traffic.parquet
  touchstone ingest judge judge.jsonl --judge gpt-judge@v3 --gold support
${IMPORT_HELP}`;

function commonOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <format>', 'input format, or the tool whose export this is').choices([...INGEST_FORMATS]))
    .option('--question <name>', "tool exports: the question to import (Label Studio control, Argilla question, score name, feedback key)")
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
      .option('--labeler <id>', 'labeler id for records without labeler_id, e.g. an old Prodigy export (recorded as supplied in provenance)')
      .option('--labeler-map <file>', 'CSV (alias,labeler_id) or JSON {"alias": "id"}: one person known by several ids across exports becomes one labeler (the aliases used are stored on the batch)')
      .action(async (file: string, raw: unknown, cmd: Command) => {
        const opts = parseOptions(LabelsOptions, raw, 'ingest labels');
        setExit(await runAction(ctx, opts.json === true, async () => {
          const given = opts.scale === undefined ? undefined : parseScaleSpec(opts.scale, opts.passThreshold, opts.passCategories?.split(','));
          const map = parseFieldMap(opts.map, Object.keys(schemas.LabelRecordSchema.shape));
          const supplied = { ...(opts.labeledAt === undefined ? {} : { labeled_at: opts.labeledAt }), ...(opts.labeler === undefined ? {} : { labeler_id: opts.labeler }) };
          const labelerMap = opts.labelerMap === undefined ? undefined : readLabelerMap(resolveFile(ctx.cwd, opts.labelerMap));
          const tool = await toolImport({ kind: 'labels', file: resolveFile(ctx.cwd, file), format: opts.format, question: opts.question, labeledAt: opts.labeledAt, supplied: [...Object.keys(map), ...Object.keys(supplied)] });
          // Without --scale, a rating question's range from the export's settings (Argilla) is the scale.
          const fromExport = tool.scale?.kind === 'ordinal' && opts.passThreshold !== undefined ? { ...tool.scale, pass_threshold: opts.passThreshold } : tool.scale;
          const scale = given ?? (opts.passCategories === undefined ? fromExport : undefined);
          if (opts.scale === undefined && (opts.passCategories !== undefined || (opts.passThreshold !== undefined && fromExport === undefined))) {
            throw new UsageError('BAD_OPTION', 'ingest labels: --pass-threshold and --pass-categories go with --scale');
          }
          const summary = await withIngestProgress(ctx, cmd, (store, onProgress) =>
            ingestLabels(store, {
              ...base(file, opts, ctx, map),
              onProgress,
              ...tool.options,
              goldSet: opts.gold,
              ...(scale === undefined ? {} : { scale }),
              ...(Object.keys(supplied).length === 0 ? {} : { supplied }),
              ...(labelerMap === undefined ? {} : { labelerMap }),
            }),
          );
          if (opts.json === true) printJson(ctx, withNotes(summary, tool));
          else printText(ctx, renderIngestSummary(summary) + renderNotes(tool));
          return EXIT.ok;
        }));
      });

    commonOptions(ingest.command('traffic <file>').description('import production traffic records (for shadow sets and drift)'))
      .option('--no-redact-on-ingest', 'store the raw text: by default PII is redacted before anything is stored or hashed')
      .option('--config <file>', 'touchstone.config.json whose "pii" section picks the redaction rules (default ./touchstone.config.json)')
      .addHelpText('after', `
PII (emails, phones, cards, IBANs, SSNs, IP addresses, and custom patterns from the config's "pii") is
redacted from input, output and metadata values BEFORE the records are stored or hashed, so the raw
text never enters the store; the rules and counts are recorded in the batch. --no-redact-on-ingest keeps
the raw text (shadow sets still redact their copies; touchstone erase removes text later).`)
      .action(async (file: string, raw: unknown, cmd: Command) => {
        const opts = parseOptions(TrafficOptions, raw, 'ingest traffic');
        setExit(await runAction(ctx, opts.json === true, async () => {
          const map = parseFieldMap(opts.map, Object.keys(schemas.TrafficRecordSchema.shape));
          const tool = await toolImport({ kind: 'traffic', file: resolveFile(ctx.cwd, file), format: opts.format, question: opts.question, supplied: Object.keys(map) });
          const redactor = opts.redactOnIngest === false ? undefined : createRedactor(loadCliConfig(ctx, opts.config).pii ?? {});
          const summary = await withIngestProgress(ctx, cmd, (store, onProgress) =>
            ingestTraffic(store, { ...base(file, opts, ctx, map), ...tool.options, onProgress, ...(redactor === undefined ? {} : { redactor }) }),
          );
          if (opts.json === true) printJson(ctx, withNotes(summary, tool));
          else printText(ctx, renderIngestSummary(summary) + renderNotes(tool));
          return EXIT.ok;
        }));
      });

    commonOptions(ingest.command('judge <file>').description("import an LLM judge's scores on gold items"))
      .option('--judge <name>', 'judge name and version, for example gpt-judge@v3 (tool exports: picks or names the export\'s judge)')
      .option('--gold <name>', 'the gold set the scored items belong to')
      .action(async (file: string, raw: unknown, cmd: Command) => {
        const opts = parseOptions(JudgeOptions, raw, 'ingest judge');
        setExit(await runAction(ctx, opts.json === true, async () => {
          const map = parseFieldMap(opts.map, Object.keys(schemas.JudgeScoreRecordSchema.shape));
          const tool = await toolImport({ kind: 'judge', file: resolveFile(ctx.cwd, file), format: opts.format, question: opts.question, judge: opts.judge, supplied: Object.keys(map) });
          const judge = tool.judge;
          if (judge === undefined) throw new UsageError('BAD_OPTION', 'touchstone ingest judge: --judge is required: the judge name and version (see touchstone ingest judge --help)');
          const summary = await withIngestProgress(ctx, cmd, (store, onProgress) =>
            ingestJudge(store, {
              ...base(file, opts, ctx, map),
              onProgress,
              ...tool.options,
              judge,
              ...(opts.gold === undefined ? {} : { goldSet: opts.gold }),
            }),
          );
          if (opts.json === true) printJson(ctx, withNotes(summary, tool));
          else printText(ctx, renderIngestSummary(summary) + renderNotes(tool));
          return EXIT.ok;
        }));
      });
  },
};

function base(file: string, opts: z.infer<typeof Common>, ctx: Parameters<typeof defaultActor>[0], map: Record<string, string>) {
  return {
    file: resolveFile(ctx.cwd, file),
    ...(opts.format === undefined || isImporterName(opts.format) ? {} : { format: opts.format }),
    map,
    actor: opts.actor ?? defaultActor(ctx),
    skipInvalid: opts.skipInvalid === true,
    // An output path: it need not exist yet (the ingest creates it and its directory).
    ...(opts.quarantine === undefined ? {} : { quarantineFile: resolve(ctx.cwd, opts.quarantine) }),
  };
}
