import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { EXIT } from '@touchstone/core';
import type { CommandModule } from '../command-module.js';
import { parseOptions } from '../parse-options.js';
import { withProgress } from '../progress/create-progress.js';
import { printJson, printText, runAction } from '../run-action.js';
import { auditDocument } from '../ui/data/audit-document.js';
import { createAuditSource } from '../ui/data/audit-source.js';
import { resolveGoldSet } from '../ui/data/resolve-gold-set.js';
import { withStore } from '../with-store.js';

const Options = z.object({
  gold: z.string().min(1).optional(),
  out: z.string().min(1, 'is required: the HTML file to write'),
  json: z.boolean().optional(),
});

export const reportCommand: CommandModule = {
  register(program, { ctx, setExit }) {
    program
      .command('report')
      .description('write the audit as one self-contained HTML file with charts, to share')
      .option('--gold <name>', 'gold set (default: the only one in the store)')
      .requiredOption('--out <file.html>', 'the HTML file to write (replaced atomically)')
      .option('--json', 'print a JSON summary of what was written')
      .addHelpText('after', `
One HTML file, nothing to install or serve: CSS and the charts (rendered to SVG with Vega-Lite when the
report is written) are inline, and the page loads nothing from the network. Charts: labeler shares,
labeler leniency with intervals (forest plot), per-band judge agreement with intervals, drift-check
history, gold vs shadow slice mix. A chart without data says which command produces it.
Every string from the data is HTML-escaped.

Example:
  touchstone report --gold support --out audit.html`)
      .action(async (raw: unknown, cmd: Command) => {
        const opts = parseOptions(Options, raw, 'report');
        const json = opts.json === true;
        setExit(await runAction(ctx, json, async () => {
          const out = resolve(ctx.cwd, opts.out);
          const written = await withProgress(ctx, 'writing the report', json, (progress) => withStore(ctx, cmd, 'read', async (store) => {
            const goldSet = await resolveGoldSet(store, opts.gold, 'report');
            // Control characters are stripped from every string (chart labels included); the page then HTML-escapes.
            const source = await createAuditSource(store, { goldSet, compute: 'inline', sanitize: true });
            const doc = await auditDocument(source, (section) => progress.label(`report: ${section}`));
            progress.label('report: charts');
            // Vega loads only here, so other commands do not pay for it at start-up.
            const { writeReport } = await import('../report/write-report.js');
            return writeReport(doc, out);
          }));
          if (json) printJson(ctx, written);
          else printText(ctx, `wrote ${written.out} (${Math.round(written.bytes / 1024)} KiB)${notAvailable(written.charts)}\n`);
          return EXIT.ok;
        }));
      });
  },
};

function notAvailable(charts: Record<string, 'rendered' | { readonly not_available: string }>): string {
  const missing = Object.values(charts).flatMap((c) => (c === 'rendered' ? [] : [c.not_available]));
  return missing.length === 0 ? '' : `\ncharts without data: run ${[...new Set(missing)].join('; ')}`;
}
