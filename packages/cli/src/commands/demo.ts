import { dirname, join, relative } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { EXIT, findGoldSet, ingestJudge, ingestLabels, ingestTraffic, parseScaleSpec, provenance, runDriftCheck, skew, verify, type Store } from '@touchstone/core';
import { calibrateJudge } from '@touchstone/judge-calibration/store';
import { DEFAULT_SEED, GOLD_SET, generateDemo, readDemoManifest, type DemoFiles, type DemoManifest } from '@touchstone/datasets';
import type { CommandModule } from '../command-module.js';
import { defaultActor, resolveDbPath, type CliContext } from '../context.js';
import { GlobalOptionsSchema } from '../global-options.js';
import { parseOptions } from '../parse-options.js';
import { renderDemo, type DemoIngestStep, type DemoReport } from '../render/demo.js';
import { printJson, printText, runAction } from '../run-action.js';
import { withStore } from '../with-store.js';
import { passRateCorrector } from './drift-corrector.js';

const Options = z.object({
  seed: z.string().regex(/^\d{1,9}$/, 'must be a whole number (0 to 999999999)').transform(Number).optional(),
  json: z.boolean().optional(),
  regenerate: z.boolean().optional(),
});

interface DemoData {
  readonly files: DemoFiles;
  readonly manifest: DemoManifest;
  readonly generated: boolean;
}

/** The demo files in `dir`: reused when whole and of the wanted seed, generated otherwise. */
function ensureDemoData(dir: string, seed: number | undefined, regenerate: boolean): DemoData {
  const existing = regenerate ? undefined : readDemoManifest(dir);
  if (existing !== undefined && (seed === undefined || seed === existing.seed)) {
    const f = existing.files;
    return { manifest: existing, generated: false, files: { dir, labels: join(dir, f.labels.file), judge: join(dir, f.judge.file), traffic: join(dir, f.traffic.file), manifest: join(dir, 'manifest.json') } };
  }
  return { ...generateDemo({ seed: seed ?? DEFAULT_SEED, outDir: dir }), generated: true };
}

const BATCHES_SQL = `SELECT kind, source_file, source_sha256 FROM batches WHERE coalesce(gold_set, '') IN ($1, '') ORDER BY batch_id`;

/** Ingests each demo file unless a batch of it is already in the store, so a second run adds nothing. */
async function ingestDemo(store: Store, data: DemoData, actor: string, warnings: string[], say: (text: string) => void): Promise<DemoIngestStep[]> {
  const batches = await store.all<{ kind: string; source_file: string; source_sha256: string }>({ sql: BATCHES_SQL, params: [GOLD_SET] });
  const m = data.manifest;
  const steps: DemoIngestStep[] = [];
  const plan = [
    { kind: 'labels', entry: m.files.labels, file: data.files.labels, present: (await findGoldSet(store, GOLD_SET)) !== undefined },
    { kind: 'judge', entry: m.files.judge, file: data.files.judge, present: batches.some((b) => b.kind === 'judge' && b.source_file === m.files.judge.file) },
    { kind: 'traffic', entry: m.files.traffic, file: data.files.traffic, present: batches.some((b) => b.kind === 'traffic' && b.source_file === m.files.traffic.file) },
  ] as const;
  for (const step of plan) {
    if (step.present) {
      const stored = batches.find((b) => b.kind === step.kind && b.source_file === step.entry.file);
      if (stored !== undefined && stored.source_sha256 !== step.entry.sha256) {
        warnings.push(`the store already holds demo ${step.kind} from other data than seed ${m.seed} generates; pass --db with a fresh path to audit seed ${m.seed}`);
      }
      steps.push({ kind: step.kind, file: step.entry.file, status: 'already_present', batch_id: null, inserted: 0 });
      continue;
    }
    say(`ingesting ${step.entry.file} (${step.entry.records} records)…`);
    const base = { file: step.file, actor };
    const summary =
      step.kind === 'labels'
        ? await ingestLabels(store, { ...base, goldSet: GOLD_SET, scale: parseScaleSpec(m.scale_spec, m.pass_threshold) })
        : step.kind === 'judge'
          ? await ingestJudge(store, { ...base, judge: m.judge, goldSet: GOLD_SET })
          : await ingestTraffic(store, base);
    steps.push({ kind: step.kind, file: step.entry.file, status: 'ingested', batch_id: summary.batch_id, inserted: summary.inserted });
  }
  return steps;
}

// The audit's sections: one small function each, run in order on the ingested demo.
const provenanceSection = (store: Store) => provenance(store, GOLD_SET);
const verifySection = (store: Store) => verify(store);
const skewSection = (store: Store) => skew(store, { goldSet: GOLD_SET, seed: 1 });
const judgeSection = (store: Store, m: DemoManifest) => calibrateJudge(store, { gold: GOLD_SET, judge: m.judge, seed: 1 });
// drift-check as cron would run it at the end of the demo traffic: the latest 7 days against gold,
// passing a request when the online judge scores it at the gold set's pass threshold.
const driftSection = (store: Store, m: DemoManifest, actor: string) =>
  runDriftCheck(store, { goldSet: GOLD_SET, window: '7d', now: m.planted.traffic.end, seed: 1, actor, corrector: passRateCorrector });

export const demoCommand: CommandModule = {
  register(program, { ctx, setExit }) {
    program
      .command('demo')
      .description('generate the bundled demo data (a support-agent audit), ingest it once, and audit it')
      .option('--seed <n>', `generator seed (default ${DEFAULT_SEED}); the same seed gives the same bytes`)
      .option('--regenerate', 'write the demo files again even when they are already there')
      .option('--json', 'print one JSON document')
      .addHelpText('after', `
The demo files go to demo/ next to the store (default .touchstone/demo/). A second run reuses them and
ingests nothing twice: each file is ingested only when the store has no batch of it yet. The audit then
reports labeler provenance, the hash chain's integrity, labeler skew, the judge's agreement with humans\nper score band, and a drift-check of the last 7 days of traffic against gold (recorded in the run\nhistory, as cron would). Exit 0, or 1 when the chain does not verify: the findings are the planted\neffects (datasets/README.md); the audit's own commands exit 1 on findings.

Examples:
  touchstone demo
  touchstone demo --json | jq '.provenance.concentration'
  touchstone --db /tmp/demo.duckdb demo --seed 7`)
      .action(async (raw: unknown, cmd: Command) => {
        const json = (raw as { json?: unknown }).json === true;
        setExit(await runAction(ctx, json, async () => {
          // Parsed inside runAction so a bad --seed is a usage error (exit 2), not a stack trace.
          const opts = parseOptions(Options, raw, 'demo');
          const report = await runDemo(ctx, cmd, opts);
          if (opts.json === true) printJson(ctx, report);
          else printText(ctx, renderDemo(report));
          return report.verify.intact ? EXIT.ok : EXIT.finding;
        }));
      });
  },
};

async function section<T>(say: (text: string) => void, name: string, run: () => Promise<T>): Promise<T> {
  say(`${name}…`);
  return run();
}

async function runDemo(ctx: CliContext, cmd: Command, opts: z.infer<typeof Options>): Promise<DemoReport> {
  const dbPath = resolveDbPath(ctx, GlobalOptionsSchema.parse(cmd.optsWithGlobals()).db);
  const dir = join(dirname(dbPath), 'demo');
  const say = (text: string): void => (opts.json === true ? undefined : ctx.stderr(`${text}\n`));
  const readable = (p: string): string => (relative(ctx.cwd, p).startsWith('..') ? p : relative(ctx.cwd, p) || '.');
  const data = ensureDemoData(dir, opts.seed, opts.regenerate === true);
  if (data.generated) say(`generated the demo data (seed ${data.manifest.seed}) in ${readable(dir)}`);
  return withStore(ctx, cmd, 'write', async (store) => {
    const warnings: string[] = [];
    const ingest = await ingestDemo(store, data, defaultActor(ctx), warnings, say);
    return {
      demo: { dir: readable(dir), seed: data.manifest.seed, generated: data.generated, counts: data.manifest.counts },
      store: readable(dbPath),
      gold_set: GOLD_SET,
      ingest,
      warnings,
      provenance: await provenanceSection(store),
      verify: await verifySection(store),
      skew: await section(say, 'labeler skew', () => skewSection(store)),
      judge: await section(say, 'judge calibration', () => judgeSection(store, data.manifest)),
      drift: await section(say, 'drift-check on the last 7 days of traffic', () => driftSection(store, data.manifest, defaultActor(ctx))),
      planted: data.manifest.planted,
    };
  });
}
