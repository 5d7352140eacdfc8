import type { Command } from 'commander';
import { z } from 'zod';
import { createSnapshot, EXIT, goldDiff, listGoldSets, listSnapshots } from '@touchstone/core';
import type { CommandModule } from '../command-module.js';
import { defaultActor } from '../context.js';
import { parseOptions } from '../parse-options.js';
import { printJson, printText, runAction } from '../run-action.js';
import { withStore } from '../with-store.js';
import { describeScale } from '../ui/format/describe-scale.js';
import { pct } from '../ui/format/numbers.js';

const SnapshotOptions = z.object({ tag: z.string().min(1), excludeLabeler: z.array(z.string()).optional(), excludeGuideline: z.array(z.string()).optional(), slice: z.string().optional(), actor: z.string().optional(), json: z.boolean().optional() })
  .refine((o) => o.slice === undefined || o.excludeGuideline !== undefined, { message: '--slice only narrows --exclude-guideline', path: ['slice'] });
const JsonOnly = z.object({ json: z.boolean().optional() });

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export const goldCommand: CommandModule = {
  register(program, { ctx, setExit }) {
    const gold = program.command('gold').description('gold sets: list, freeze a version (snapshot), compare versions (diff)');

    gold.command('list').description('list gold sets with their scales and snapshots').option('--json', 'print one JSON document')
      .action(async (raw: unknown, cmd: Command) => {
        const opts = parseOptions(JsonOnly, raw, 'gold list');
        setExit(await runAction(ctx, opts.json === true, async () => {
          const sets = await withStore(ctx, cmd, 'read', async (store) =>
            Promise.all((await listGoldSets(store)).map(async (g) => ({ ...g, snapshots: await listSnapshots(store, g.name) }))),
          );
          if (opts.json === true) printJson(ctx, { gold_sets: sets });
          else printText(ctx, sets.length === 0 ? 'no gold sets yet: touchstone ingest labels FILE --gold NAME\n' : `${sets.map((g) => `${g.name}  ${describeScale(g.scale)}  snapshots: ${g.snapshots.map((s) => s.tag).join(', ') || '-'}`).join('\n')}\n`);
          return EXIT.ok;
        }));
      });

    gold.command('snapshot <name>').description('freeze the current labels of a gold set under a tag, with a content hash an eval run can cite')
      .requiredOption('--tag <tag>', 'immutable tag, for example v2026-11-22')
      .option('--exclude-labeler <id>', 'leave this labeler out of the snapshot (repeatable) to re-score without them', collect)
      .option('--exclude-guideline <version>', 'leave out the items whose every label was made under this guideline version (repeatable): the items a guideline_shift flag says to relabel', collect)
      .option('--slice <name>', 'with --exclude-guideline: only the items of this slice')
      .option('--actor <name>', 'who froze it (default: the OS user)')
      .option('--json', 'print one JSON document')
      .addHelpText('after', `
Example (after \`touchstone skew\` flags a labeler):
  touchstone gold snapshot support --tag without-L07 --exclude-labeler L07
  touchstone gold diff support v1 without-L07
After a guideline_shift flag (v1 scored slice "tone" differently from v2):
  touchstone gold snapshot support --tag without-v1-only-tone --exclude-guideline v1 --slice tone`)
      .action(async (name: string, raw: unknown, cmd: Command) => {
        const opts = parseOptions(SnapshotOptions, raw, 'gold snapshot');
        setExit(await runAction(ctx, opts.json === true, async () => {
          const snap = await withStore(ctx, cmd, 'write', (store) =>
            createSnapshot(store, {
              goldSet: name, tag: opts.tag, actor: opts.actor ?? defaultActor(ctx), excludeLabelers: opts.excludeLabeler ?? [],
              excludeGuideline: opts.excludeGuideline === undefined ? null : { versions: opts.excludeGuideline, slice: opts.slice ?? null },
            }),
          );
          if (opts.json === true) printJson(ctx, snap);
          else {
            const g = snap.excluded_guideline;
            const stale = g === null ? '' : `, without the items only ever labeled under ${g.versions.join(' or ')}${g.slice === null ? '' : ` on slice ${g.slice}`}`;
            printText(ctx, `snapshot ${snap.gold_set}@${snap.tag}: ${snap.n_items} items, ${snap.n_labels} labels${snap.excluded_labelers.length > 0 ? `, without ${snap.excluded_labelers.join(', ')}` : ''}${stale}\ncontent hash ${snap.content_hash}\n`);
          }
          return EXIT.ok;
        }));
      });

    gold.command('diff <name> <tagA> <tagB>').description('items added, removed and relabeled between two snapshots')
      .option('--json', 'print one JSON document')
      .action(async (name: string, a: string, b: string, raw: unknown, cmd: Command) => {
        const opts = parseOptions(JsonOnly, raw, 'gold diff');
        setExit(await runAction(ctx, opts.json === true, async () => {
          const diff = await withStore(ctx, cmd, 'read', (store) => goldDiff(store, name, a, b));
          if (opts.json === true) printJson(ctx, diff);
          else {
            const lines = [
              `${name}: ${a} (${diff.from.n_items} items) → ${b} (${diff.to.n_items} items)`,
              `added ${diff.counts.added}, removed ${diff.counts.removed}, relabeled ${diff.counts.relabeled} (${diff.counts.pass_flips} pass/fail flips${diff.to.n_items > 0 ? `, ${pct(diff.counts.pass_flips / diff.to.n_items)} of items` : ''})`,
              ...firstOf(diff.relabeled, 20, (r) => `  ~ ${r.item_id}: ${String(r.from)} → ${String(r.to)}${r.pass_from !== r.pass_to ? ` (${r.pass_from === true ? 'pass' : 'fail'} → ${r.pass_to === true ? 'pass' : 'fail'})` : ''}`, 'relabeled'),
              ...firstOf(diff.added, 10, (r) => `  + ${r.item_id}`, 'added'),
              ...firstOf(diff.removed, 10, (r) => `  - ${r.item_id}`, 'removed'),
            ];
            printText(ctx, `${lines.join('\n')}\n`);
          }
          return EXIT.ok;
        }));
      });
  },
};

/** The first `n` rows as lines, then how many more there are and where to see them all. */
function firstOf<T>(rows: readonly T[], n: number, line: (row: T) => string, what: string): string[] {
  const shown = rows.slice(0, n).map(line);
  return rows.length > n ? [...shown, `  … and ${rows.length - n} more ${what} (--json for all)`] : shown;
}
