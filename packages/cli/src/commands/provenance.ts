import type { Command } from 'commander';
import { z } from 'zod';
import { EXIT, provenance } from '@touchstone/core';
import type { CommandModule } from '../command-module.js';
import { parseOptions } from '../parse-options.js';
import { renderProvenance } from '../render/provenance.js';
import { printJson, printText, runAction } from '../run-action.js';
import { withStore } from '../with-store.js';

const Options = z.object({ gold: z.string().min(1), json: z.boolean().optional() });

export const provenanceCommand: CommandModule = {
  register(program, { ctx, setExit }) {
    program
      .command('provenance')
      .description('who labeled what, when, under which guideline; concentration and import batches')
      .requiredOption('--gold <name>', 'gold set name')
      .option('--json', 'print one JSON document')
      .addHelpText('after', `
Per labeler: labels, share of the gold set's items, first/last label time, guideline versions, slices
and sessions. Items with a single label, concentration (largest share, Herfindahl index), items labeled
only under an outdated guideline version, and every import batch with its file hash and actor.

Example:
  touchstone provenance --gold support --json | jq '.labelers[0]'`)
      .action(async (raw: unknown, cmd: Command) => {
        const opts = parseOptions(Options, raw, 'provenance');
        setExit(await runAction(ctx, opts.json === true, async () => {
          const report = await withStore(ctx, cmd, 'read', (store) => provenance(store, opts.gold));
          if (opts.json === true) printJson(ctx, report);
          else printText(ctx, renderProvenance(report));
          return EXIT.ok;
        }));
      });
  },
};
