import type { Command } from 'commander';
import { z } from 'zod';
import { compactStore, erase, EXIT, UsageError, type EraseResult } from '@touchstone/core';
import type { CommandModule } from '../command-module.js';
import { defaultActor, resolveDbPath } from '../context.js';
import { GlobalOptionsSchema } from '../global-options.js';
import { parseOptions } from '../parse-options.js';
import { printJson, printText, runAction } from '../run-action.js';
import { withStore } from '../with-store.js';

const Options = z.object({
  trafficId: z.array(z.string()).optional(),
  matching: z.string().optional(),
  reason: z.string().optional(),
  actor: z.string().optional(),
  json: z.boolean().optional(),
});

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function render(r: EraseResult): string {
  if (r.batch_id === null) return 'nothing to erase: no traffic record matches (or it was erased already)\n';
  return `erased the text of ${r.traffic_rows} traffic record${r.traffic_rows === 1 ? '' : 's'} and ${r.shadow_items} shadow-set item${r.shadow_items === 1 ? '' : 's'}` +
    `${r.shadow_sets.length > 0 ? ` (${r.shadow_sets.join(', ')})` : ''}` +
    `${r.gold_items > 0 ? `, and replaced it in ${r.gold_items} gold item${r.gold_items === 1 ? '' : 's'} drawn from them` : ''}` +
    `${r.drift_runs > 0 ? `${r.gold_items > 0 ? ' and' : ', and replaced it in'} ${r.drift_runs} stored drift report${r.drift_runs === 1 ? '' : 's'}` : ''}; recorded as batch ${r.batch_id} in the chain; the store file was rewritten without the old text\n`;
}

export const eraseCommand: CommandModule = {
  register(program, { ctx, setExit }) {
    program
      .command('erase')
      .description('erase the text of traffic records (and the shadow-set items drawn from them), recorded in the chain')
      .option('--traffic-id <id>', 'a traffic request id to erase (repeatable)', collect)
      .option('--matching <regex>', 'erase every traffic record whose input, output or metadata matches this RE2 regex')
      .option('--reason <text>', 'why (required; recorded with the erasure)')
      .option('--actor <name>', 'who erases (default: the OS user)')
      .option('--json', 'print one JSON document')
      .addHelpText('after', `
Replaces input, output and metadata with "[erased]" (metadata: NULL) in traffic and in every shadow-set
item drawn from those records, and appends an "erase" event to the batch chain: who, when, why, which
rows and the row hashes they had. verify accepts exactly those rows as erased; any other change still
reads as tampering. The store file is then rewritten (the old text could linger in DuckDB's free blocks).
The head hash changes: pin the new one. Exit 0, 2 on a usage error (no selector, no --reason, bad regex).`)
      .action(async (raw: unknown, cmd: Command) => {
        const opts = parseOptions(Options, raw, 'erase');
        setExit(await runAction(ctx, opts.json === true, async () => {
          const ids = opts.trafficId ?? [];
          if ((ids.length > 0) === (opts.matching !== undefined)) throw new UsageError('ERASE_SELECTOR', 'erase needs exactly one of --traffic-id ID (repeatable) or --matching REGEX');
          if (opts.reason === undefined) throw new UsageError('ERASE_REASON', 'erase needs --reason: it is recorded in the chain with the erasure');
          const selector = opts.matching !== undefined ? { matching: opts.matching } : { trafficIds: ids };
          const result = await withStore(ctx, cmd, 'write', (store) => erase(store, { selector, reason: opts.reason ?? '', actor: opts.actor ?? defaultActor(ctx) }));
          if (result.batch_id !== null) await compactStore(resolveDbPath(ctx, GlobalOptionsSchema.parse(cmd.optsWithGlobals()).db));
          if (opts.json === true) printJson(ctx, result);
          else printText(ctx, render(result));
          return EXIT.ok;
        }));
      });
  },
};
