import { z } from 'zod';
import { EXIT, schemas, UsageError } from '@touchstone/core';
import type { CommandModule } from '../command-module.js';
import { parseOptions } from '../parse-options.js';
import { printJson, runAction } from '../run-action.js';

const KINDS = {
  labels: { schema: schemas.LabelRecordSchema, title: 'Touchstone label record', description: 'One annotation of one gold item by one labeler (one JSON object per JSONL line, or one CSV/TSV/Parquet row).' },
  traffic: { schema: schemas.TrafficRecordSchema, title: 'Touchstone traffic record', description: 'One production request, for shadow sets and drift.' },
  judge: { schema: schemas.JudgeScoreRecordSchema, title: 'Touchstone judge score record', description: "One LLM judge's verdict on one gold item (the judge is named on the command line)." },
} as const;
type Kind = keyof typeof KINDS;

const Options = z.object({ json: z.boolean().optional() });

/**
 * The JSON Schema (draft 2020-12) of a canonical record, generated from its zod schema. Input
 * side: fields Touchstone does not know are allowed (and ignored), as ingest does.
 */
export function recordJsonSchema(kind: Kind): Record<string, unknown> {
  const { schema, title, description } = KINDS[kind];
  const generated = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: `urn:touchstone:schema:${kind}`, title, description, ...rest };
}

export const schemaCommand: CommandModule = {
  register(program, { ctx, setExit }) {
    program
      .command('schema')
      .description('print the JSON Schema of a record format (labels, traffic or judge) for other tools to validate against')
      .argument('<kind>', 'labels | traffic | judge')
      .option('--json', 'accepted for symmetry: the output is always one JSON document')
      .addHelpText('after', `
Generated from the same zod schemas ingest validates with, so a record the schema accepts is one
touchstone ingest accepts (ingest also takes a date alone or a space before the time, and text
labels such as pass/fail on a binary scale; fields not in the schema are ignored).

Examples:
  touchstone schema labels > label.schema.json
  touchstone schema traffic | jq '.required'`)
      .action(async (kind: string, raw: unknown) => {
        const opts = parseOptions(Options, raw, 'schema');
        setExit(await runAction(ctx, opts.json === true, async () => {
          const parsed = z.enum(['labels', 'traffic', 'judge']).safeParse(kind);
          if (!parsed.success) {
            throw new UsageError('BAD_ARGUMENT', `touchstone schema: "${kind}" is not a record format; use labels, traffic or judge`);
          }
          printJson(ctx, recordJsonSchema(parsed.data));
          return EXIT.ok;
        }));
      });
  },
};
