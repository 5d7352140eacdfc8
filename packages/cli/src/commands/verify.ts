import type { Command } from 'commander';
import { z } from 'zod';
import { EXIT, verify } from '@touchstone/core';
import type { CommandModule } from '../command-module.js';
import { parseOptions } from '../parse-options.js';
import { withStoreProgress } from '../progress/with-store-progress.js';
import { renderVerify } from '../render/verify.js';
import { printJson, printText, runAction } from '../run-action.js';

const Options = z.object({ gold: z.string().optional(), json: z.boolean().optional(), expectHead: z.string().optional() });

export const verifyCommand: CommandModule = {
  register(program, { ctx, setExit }) {
    program
      .command('verify')
      .description('recompute the hash chain; name every row edited, deleted or inserted outside touchstone (exit 1)')
      .option('--gold <name>', 'limit row findings to one gold set (the batch chain is always checked whole)')
      .option('--expect-head <hash>', 'also require the newest batch hash to equal this pinned value')
      .option('--json', 'print one JSON document')
      .addHelpText('after', `
Every row stores the SHA-256 of its content; every import batch stores the Merkle root of its rows and
the hash of the previous batch. verify recomputes all of them. Exit 0 when intact, 1 when anything is off.
Pin the printed head hash somewhere else (CI, a ticket) and pass it back with --expect-head to detect
even a wholesale rewrite of the chain.`)
      .action(async (raw: unknown, cmd: Command) => {
        const opts = parseOptions(Options, raw, 'verify');
        setExit(await runAction(ctx, opts.json === true, async () => {
          const report = await withStoreProgress(ctx, cmd, 'read', (store) => verify(store, opts.gold));
          const headOk = opts.expectHead === undefined || opts.expectHead === report.head_hash;
          const doc = headOk ? report : { ...report, intact: false, findings: [...report.findings, { kind: 'chain_broken' as const, table: 'batches' as const, batch_id: null, seq: null, gold_set: null, item_id: null, labeler_id: null, message: `the head hash is ${report.head_hash}, not the pinned ${opts.expectHead ?? ''}` }] };
          if (opts.json === true) printJson(ctx, doc);
          else printText(ctx, renderVerify(doc));
          return doc.intact ? EXIT.ok : EXIT.finding;
        }));
      });
  },
};
